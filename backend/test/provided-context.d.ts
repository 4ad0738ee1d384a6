import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the DashScope simulator started by test/simulator-setup.ts. */
    simulatorUrl: string
    /** Origin of the local mailbox started by test/mailbox-setup.ts (the Worker's RESEND_BASE_URL). */
    mailboxUrl: string
    /** Origin of the Stripe simulator started by test/payments-setup.ts (the Worker's STRIPE_API_BASE). */
    paymentsUrl: string
  }
}
