/** One transactional email: both parts say the same thing. */
export interface EmailMessage {
  to: string
  subject: string
  text: string
  html: string
}

/** Sends email; the one interface the rest of the Worker knows. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>
}

/** Where and as whom to send, from the configuration. */
export interface ResendOptions {
  baseUrl: string
  apiKey: string | undefined
  from: string
  fetcher?: typeof fetch
}

/**
 * A `Mailer` over Resend's HTTP API (`POST /emails` with a bearer key). `npm start` and the tests
 * point `baseUrl` at the local mailbox, which answers the same protocol. Without a key nothing can
 * be sent: the email is logged as lost and the caller's flow goes on, as it would if the
 * recipient's inbox dropped it.
 */
export const resendMailer = ({
  baseUrl,
  apiKey,
  from,
  fetcher = fetch,
}: ResendOptions): Mailer => ({
  async send(message) {
    if (!apiKey) {
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'email not sent: RESEND_API_KEY is not set',
          subject: message.subject,
        })
      )
      return
    }
    const res = await fetcher(new URL('/emails', baseUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/json',
        // Resend refuses requests that carry no User-Agent.
        'user-agent': 'addreams-worker',
      },
      body: JSON.stringify({
        from,
        to: [message.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
      }),
    })
    if (!res.ok)
      throw new Error(`Resend answered ${res.status}: ${(await res.text()).slice(0, 500)}`)
    await res.body?.cancel()
  },
})
