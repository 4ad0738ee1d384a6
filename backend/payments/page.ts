import { escapeHtml } from '../src/lib/escape-html.ts'
import type { CheckoutSession } from './store.ts'

const money = (amount: number, currency: string) =>
  `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`

const shell = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${escapeHtml(title)} · Local Stripe Checkout</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 0 auto; padding: 1rem; }
    .note { color: #555; font-size: 0.875rem; }
    form { display: inline-block; margin-right: 0.5rem; }
    button { font: inherit; padding: 0.5rem 1.25rem; min-height: 44px; }
    button.pay { background: #0a5; color: #fff; border: 0; border-radius: 4px; }
  </style>
</head>
<body><main>${body}</main></body>
</html>`

/**
 * The hosted checkout page of an open session: what is bought, and two plain forms, Pay and
 * Cancel. No card fields: this is the local simulator, and nothing is charged.
 */
export const checkoutPage = (session: CheckoutSession): string => {
  if (session.status !== 'open') {
    return shell(
      'Checkout closed',
      `<h1>This checkout is ${session.status === 'complete' ? 'already paid' : 'expired'}</h1>`
    )
  }
  const items = session.line_items_summary
    .map(
      (item) =>
        `<li>${escapeHtml(item.name)} × ${item.quantity}: ${escapeHtml(money(item.unit_amount * item.quantity, session.currency))}</li>`
    )
    .join('')
  return shell(
    'Pay',
    `<h1>Pay ${escapeHtml(money(session.amount_total, session.currency))}</h1>
    <ul>${items}</ul>
    ${session.customer_email ? `<p>Receipt to ${escapeHtml(session.customer_email)}</p>` : ''}
    <p class="note">Local Stripe Checkout simulator: no card, no money. Pay completes the session
      and sends the webhook; Cancel goes back without paying.</p>
    <form method="post" action="/c/pay/${escapeHtml(session.id)}/pay">
      <button class="pay" type="submit">Pay</button>
    </form>
    <form method="post" action="/c/pay/${escapeHtml(session.id)}/cancel">
      <button type="submit">Cancel</button>
    </form>`
  )
}

export const notFoundPage = () => shell('Not found', '<h1>No such checkout</h1>')
