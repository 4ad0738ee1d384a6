import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Mailbox, startMailbox } from './server.ts'

let mailbox: Mailbox

beforeAll(async () => {
  mailbox = await startMailbox({ port: 0 })
})
afterAll(() => mailbox.close())

const sendEmail = (body: unknown, key = 're_local') =>
  fetch(`${mailbox.url}/emails`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  })

const email = (to: string, subject = 'Verify your email') => ({
  from: 'Addreams <accounts@addreams.example>',
  to,
  subject,
  text: `Open https://app.example/verify?token=abc&x=1 to go on.`,
  html: '<a href="https://app.example/verify?token=abc&amp;x=1">Verify</a>',
})

describe('local mailbox', () => {
  it("should take Resend's POST /emails and list it newest first with its links", async () => {
    const to = `a-${crypto.randomUUID()}@example.test`
    const first = await sendEmail(email(to, 'first'))
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ id: expect.any(String) })
    await sendEmail({ ...email(to, 'second'), to: [to.toUpperCase()] })
    const res = await fetch(`${mailbox.url}/messages?to=${encodeURIComponent(to)}`)
    const messages = (await res.json()) as {
      subject: string
      links: string[]
      receivedAt: string
    }[]
    expect(messages.map((m) => m.subject)).toEqual(['second', 'first'])
    expect(messages[0]?.links).toEqual(['https://app.example/verify?token=abc&x=1'])
    expect(Date.parse(messages[0]?.receivedAt ?? '')).not.toBeNaN()
  })

  it('should refuse a request without a key, or without a recipient, as Resend does', async () => {
    const noKey = await sendEmail(email('b@example.test'), '')
    expect(noKey.status).toBe(401)
    expect(await noKey.json()).toMatchObject({ name: 'missing_api_key' })
    const noTo = await sendEmail({ ...email('b@example.test'), to: undefined })
    expect(noTo.status).toBe(422)
    expect(await noTo.json()).toMatchObject({ name: 'validation_error' })
  })

  it('should show every email on its root page with nothing from the email run as HTML', async () => {
    const to = `c-${crypto.randomUUID()}@example.test`
    await sendEmail({ ...email(to, '<script>alert(1)</script>') })
    const page = await (await fetch(mailbox.url)).text()
    expect(page).toContain(to)
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page).not.toContain('<script>')
  })
})
