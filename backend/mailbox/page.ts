import { escapeHtml } from '../src/lib/escape-html.ts'
import type { MailboxMessage } from './store.ts'

const item = (message: MailboxMessage): string => `
  <article>
    <h2>${escapeHtml(message.subject)}</h2>
    <p class="meta">To ${escapeHtml(message.to.join(', '))} · from ${escapeHtml(message.from)} ·
      <time datetime="${escapeHtml(message.receivedAt)}">${escapeHtml(message.receivedAt)}</time></p>
    <pre>${escapeHtml(message.text)}</pre>
    ${message.links.map((link) => `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`).join('')}
  </article>`

/**
 * The mailbox's root page: every email, newest first, as plain text with its links. The HTML part
 * is not rendered, so nothing an email carries runs here.
 */
export const mailboxPage = (messages: MailboxMessage[]): string => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Local mailbox · Addreams</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 0 auto; padding: 1rem; }
    article { border-top: 1px solid #ccc; padding: 0.5rem 0; }
    h2 { font-size: 1.1rem; margin: 0.5rem 0 0; }
    .meta { color: #555; margin: 0; font-size: 0.875rem; }
    pre { white-space: pre-wrap; }
  </style>
</head>
<body>
  <h1>Local mailbox</h1>
  <p>Every email the local Worker sends lands here instead of a real inbox (JSON at
    <a href="/messages">/messages</a>). Reload to see new ones.</p>
  ${messages.length ? messages.map(item).join('') : '<p>No emails yet.</p>'}
</body>
</html>`
