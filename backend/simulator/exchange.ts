import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import type { CallEntry } from './calls-log.ts'
import type { SimError } from './errors.ts'

/** What the server knows of a request up front, and how it wants answers reported. */
export interface ExchangeInit {
  url: URL
  requestId: string
  /** Service answers carry the simulator marker and timing headers; control answers do not. */
  service: boolean
  /** The call-log entry to keep up to date; control routes get one that is not stored. */
  log: CallEntry
  onAnswer: (status: number, code: string | undefined) => void
}

/**
 * One request and its response, with the headers every answer must carry (docs/dashscope.md §12.2).
 */
export class Exchange {
  readonly req: IncomingMessage
  readonly url: URL
  readonly requestId: string
  readonly log: CallEntry
  /** Resolves when the connection closes, answered or not. */
  readonly closed: Promise<void>
  /** Task routes answer `application/json;charset=UTF-8`, as the service does. */
  jsonType = 'application/json'
  private readonly _res: ServerResponse
  private readonly _init: ExchangeInit
  private readonly _startedAt = performance.now()

  constructor(req: IncomingMessage, res: ServerResponse, init: ExchangeInit) {
    this.req = req
    this.url = init.url
    this.requestId = init.requestId
    this.log = init.log
    this._res = res
    this._init = init
    this.closed = new Promise((resolve) => res.once('close', () => resolve()))
  }

  /** True once an answer was sent or the connection is gone. */
  get answered(): boolean {
    return this._res.headersSent || this._res.destroyed
  }

  json(status: number, body: unknown): void {
    this.send(status, this.jsonType, JSON.stringify(body))
  }

  /** Answers with DashScope's flat error body `{ request_id, code, message }`. */
  error(error: SimError): void {
    const body = { request_id: this.requestId, code: error.code, message: error.message }
    this.send(error.status, this.jsonType, JSON.stringify(body), error.code)
  }

  send(statusCode: number, contentType: string, body: string | Buffer, code?: string): void {
    if (this.answered) return
    const headers: Record<string, string | number> = {
      'content-type': contentType,
      'content-length': Buffer.byteLength(body),
      'x-request-id': this.requestId,
    }
    if (this._init.service) {
      headers['x-dashscope-simulator'] = '1'
      headers['req-cost-time'] = Math.round(performance.now() - this._startedAt)
      headers['x-dashscope-timeout'] = 298
    }
    this._res.writeHead(statusCode, headers).end(body)
    this.log.status = statusCode
    this._init.onAnswer(statusCode, code)
  }

  /** Closes the connection without an answer: `drop` and `hang` faults, or shutdown. */
  drop(outcome: 'dropped' | 'hung'): void {
    if (!this.answered) this.log.status = outcome
    this._res.destroy()
  }
}
