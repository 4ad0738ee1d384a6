import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mailboxPage } from './page.ts'
import { readBody } from './read-body.ts'
import { MailboxStore } from './store.ts'
import { resendError, sendEmailSchema } from './wire.ts'

/** A running local mailbox. */
export interface Mailbox {
  /** Origin, e.g. `http://127.0.0.1:8791`: the Worker's `RESEND_BASE_URL`. */
  url: string
  port: number
  store: MailboxStore
  close(): Promise<void>
}

/** Resend refuses bigger bodies too (40 MB with attachments); ours are a few KB. */
const BODY_MAX = 1024 * 1024

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/** `POST /emails` as Resend answers it: a bearer key, a checked body, `{ id }`. */
const receive = async (store: MailboxStore, req: IncomingMessage, res: ServerResponse) => {
  if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) {
    return send(
      res,
      401,
      resendError(401, 'missing_api_key', 'Missing API key in the authorization header')
    )
  }
  const raw = await readBody(req, BODY_MAX)
  let json: unknown
  try {
    json = raw === undefined ? undefined : JSON.parse(raw)
  } catch {
    json = undefined
  }
  const parsed = sendEmailSchema.safeParse(json)
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    return send(
      res,
      422,
      resendError(422, 'validation_error', message.join('; ') || 'Invalid body')
    )
  }
  const { from, to, subject, text = '', html = '' } = parsed.data
  const stored = store.add({ from, to: Array.isArray(to) ? to : [to], subject, text, html })
  send(res, 200, { id: stored.id })
}

const route = async (store: MailboxStore, req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? '/', 'http://mailbox.local')
  if (req.method === 'POST' && url.pathname === '/emails') return receive(store, req, res)
  if (req.method === 'GET' && url.pathname === '/messages') {
    return send(res, 200, store.list(url.searchParams.get('to') ?? undefined))
  }
  if (req.method === 'GET' && url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    return res.end(mailboxPage(store.list()))
  }
  send(res, 404, resendError(404, 'not_found', 'Route not found'))
}

/**
 * Starts the local mailbox: it speaks Resend's `POST /emails`, so the Worker's email client sends
 * to it unchanged, and keeps what it receives in memory for the page at `/` and `GET /messages`.
 * @example const mailbox = await startMailbox({ port: 0 })
 */
export const startMailbox = async ({
  port = 0,
  host = '127.0.0.1',
}: {
  port?: number
  host?: string
} = {}): Promise<Mailbox> => {
  const store = new MailboxStore()
  const server = createServer((req, res) => {
    route(store, req, res).catch((error: unknown) => {
      send(res, 500, resendError(500, 'internal_server_error', String(error)))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const actualPort = (server.address() as AddressInfo).port
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    store,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
