import { escapeHtml } from '../../lib/escape-html.ts'
import type { EmailMessage } from './mailer.ts'

const PRODUCT = 'Addreams'

/** A short email with one link: text and HTML parts, the product's name, and what to do if unasked. */
const linkEmail = (parts: {
  to: string
  subject: string
  lead: string
  action: string
  url: string
  expiry: string
  unasked: string
}): EmailMessage => ({
  to: parts.to,
  subject: parts.subject,
  text: [
    parts.lead,
    '',
    `${parts.action}: ${parts.url}`,
    '',
    parts.expiry,
    parts.unasked,
    '',
    `— ${PRODUCT}`,
  ].join('\n'),
  html: `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>${escapeHtml(parts.lead)}</p>
<p><a href="${escapeHtml(parts.url)}">${escapeHtml(parts.action)}</a></p>
<p>${escapeHtml(parts.expiry)} ${escapeHtml(parts.unasked)}</p>
<p>— ${PRODUCT}</p>
</body></html>`,
})

/** The email that proves the address is the user's: following its link verifies it and signs in. */
export const verificationEmail = (to: string, url: string): EmailMessage =>
  linkEmail({
    to,
    subject: `Verify your email for ${PRODUCT}`,
    lead: `Welcome to ${PRODUCT}. Confirm this is your email address to start making images; your free credits are added when you do.`,
    action: 'Verify my email',
    url,
    expiry: 'The link works for 1 hour.',
    unasked: `If you did not create a ${PRODUCT} account, ignore this email: nothing happens without the link.`,
  })

/** The email with a single-use link to choose a new password. */
export const passwordResetEmail = (to: string, url: string): EmailMessage =>
  linkEmail({
    to,
    subject: `Reset your ${PRODUCT} password`,
    lead: `Someone asked to reset the password of the ${PRODUCT} account for this address.`,
    action: 'Choose a new password',
    url,
    expiry: 'The link works once, for 1 hour. Resetting signs out every device.',
    unasked: 'If you did not ask for this, ignore this email: your password stays as it is.',
  })
