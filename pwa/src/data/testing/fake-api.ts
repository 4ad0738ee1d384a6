import type { ApiErrorCode, Balances, Generation, SyncChange, Workflow } from '@app/shared-types'
import { API_ERRORS, SYNC_CATCH_UP_PAGE_SIZE, SYNC_PAGE_SIZE } from '@app/shared-types'
import { testConfig } from '../../studio/test-config.ts'
import { makeGeneration } from './make-generation.ts'

export { makeGeneration }

/** One request the fake server saw. */
export interface SeenRequest {
  method: string
  path: string
  /** `cursor` of a sync call. */
  cursor: number | undefined
  /** `limit` of a sync call. */
  limit: number | undefined
  idempotencyKey: string | null
}

type Canned = { code: ApiErrorCode; retryAfter?: string } | 'network' | 'lost'

const errorResponse = (code: ApiErrorCode, retryAfter?: string): Response =>
  new Response(JSON.stringify({ error: { code, message: code, requestId: 'req' } }), {
    status: API_ERRORS[code].status,
    headers: {
      'content-type': 'application/json',
      ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
    },
  })

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/**
 * An in-memory stand-in for the Worker's generation, sync and auth routes, installed as `fetch`.
 * It keeps the server's rules that the outbox relies on: one generation per Idempotency-Key, a
 * charge only when credits suffice, and a version bump per change.
 */
export class FakeApi {
  readonly seen: SeenRequest[] = []
  readonly generations = new Map<string, Generation>()
  readonly deletedAt = new Map<string, number>()
  balances: Balances = { 'product-shoot': 5, 'ad-graphic': 5 }
  debits = 0
  version = 0
  signedIn = true
  user = { id: 'user-1', name: 'Ada', email: 'ada@example.com' }
  /** What `GET /api/config` answers (public, like the Worker's). */
  config = testConfig()
  /** The most changes a sync page carries, whatever the client asks. */
  pageSize = SYNC_CATCH_UP_PAGE_SIZE
  /** Answers for the next calls of POST /api/generations, used before the real logic. */
  readonly nextCreate: Canned[] = []
  /** Answers for the next calls of GET /api/sync. */
  readonly nextSync: Canned[] = []
  resetNextSync = false
  offline = false
  /** How many reference files each create carried. */
  readonly referenceCounts: number[] = []
  /** Lets a test hold every create until it calls `release`. */
  gate: Promise<void> | undefined

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://app.test')
    const method = init.method ?? 'GET'
    const headers = new Headers(init.headers)
    const cursor = url.searchParams.get('cursor')
    const limit = url.searchParams.get('limit')
    this.seen.push({
      method,
      path: url.pathname,
      cursor: cursor === null ? undefined : Number(cursor),
      limit: limit === null ? undefined : Number(limit),
      idempotencyKey: headers.get('idempotency-key'),
    })
    if (this.offline) throw new TypeError('Failed to fetch')
    if (url.pathname.startsWith('/api/auth/')) return this.auth(url.pathname, init)
    if (url.pathname === '/api/config') return json(this.config)
    if (!this.signedIn) return errorResponse('UNAUTHENTICATED')
    if (url.pathname === '/api/sync') {
      return this.sync(Number(cursor), Number(limit ?? SYNC_PAGE_SIZE))
    }
    if (url.pathname === '/api/generations' && method === 'POST') return this.create(headers, init)
    const match = /^\/api\/generations\/([^/]+)(\/cancel)?$/.exec(url.pathname)
    if (match?.[1]) return this.change(match[1], method, Boolean(match[2]))
    return errorResponse('NOT_FOUND')
  }

  /** Requests of `method` to `path`. */
  calls(method: string, path: string): SeenRequest[] {
    return this.seen.filter((r) => r.method === method && r.path === path)
  }

  /** Adds a generation on the server, as if made on another device. */
  seed(overrides: Partial<Generation> = {}): Generation {
    const generation = makeGeneration({ ...overrides, version: ++this.version })
    this.generations.set(generation.id, generation)
    return generation
  }

  /** Changes a generation on the server, bumping its version. */
  update(id: string, patch: Partial<Generation>): void {
    const before = this.generations.get(id)
    if (before) this.generations.set(id, { ...before, ...patch, version: ++this.version })
  }

  /** Deletes a generation on the server, leaving a tombstone. */
  remove(id: string): void {
    this.generations.delete(id)
    this.deletedAt.set(id, ++this.version)
  }

  private auth(path: string, init: RequestInit): Response {
    if (path === '/api/auth/get-session') {
      return json(this.signedIn ? { session: { id: 's' }, user: this.user } : null)
    }
    if (path === '/api/auth/sign-in/email') {
      const body = JSON.parse(String(init.body)) as { email: string }
      this.signedIn = true
      this.user = { ...this.user, email: body.email }
      return json({ redirect: false, token: 't', user: this.user })
    }
    if (path === '/api/auth/sign-out') {
      this.signedIn = false
      return json({ success: true })
    }
    return errorResponse('NOT_FOUND')
  }

  private canned(queue: Canned[]): Response | 'lost' | undefined {
    const next = queue.shift()
    if (next === undefined || next === 'lost') return next
    if (next === 'network') throw new TypeError('Failed to fetch')
    return errorResponse(next.code, next.retryAfter)
  }

  private async create(headers: Headers, init: RequestInit): Promise<Response> {
    await this.gate
    const canned = this.canned(this.nextCreate)
    if (canned instanceof Response) return canned
    const id = headers.get('idempotency-key') ?? ''
    const form = init.body as FormData
    const request = JSON.parse(String(form.get('request'))) as {
      workflow: Workflow
      prompt: string
      n?: number
    }
    this.referenceCounts.push(form.getAll('reference').length)
    const existing = this.generations.get(id)
    let response: Response
    if (existing) {
      response = json({ generation: existing, balances: this.balances }, 200)
    } else {
      const n = request.n ?? 1
      if ((this.balances[request.workflow] ?? 0) < n) return errorResponse('OUT_OF_CREDITS')
      this.balances = {
        ...this.balances,
        [request.workflow]: (this.balances[request.workflow] ?? 0) - n,
      }
      this.debits++
      const generation = makeGeneration({
        id,
        workflow: request.workflow,
        params: { prompt: request.prompt, n, promptExtend: true },
        cost: n,
        version: ++this.version,
      })
      this.generations.set(id, generation)
      response = json({ generation, balances: this.balances }, 202)
    }
    // The server committed, but the answer never reached the device.
    if (canned === 'lost') throw new TypeError('Failed to fetch')
    return response
  }

  private change(id: string, method: string, cancel: boolean): Response {
    const generation = this.generations.get(id)
    if (!generation) return errorResponse('NOT_FOUND')
    if (method === 'DELETE') {
      this.remove(id)
      return new Response(null, { status: 204 })
    }
    if (cancel) {
      if (generation.status !== 'queued') return errorResponse('CONFLICT')
      this.update(id, { status: 'canceled', refunded: generation.cost })
    }
    return json(this.generations.get(id))
  }

  private sync(cursor: number, limit: number): Response {
    const canned = this.canned(this.nextSync)
    if (canned instanceof Response) return canned
    if (this.resetNextSync) {
      this.resetNextSync = false
      return json({
        changes: [],
        cursor: 0,
        hasMore: true,
        remaining: 0,
        reset: true,
        balances: this.balances,
      })
    }
    const all: { version: number; change: SyncChange }[] = [
      ...[...this.generations.values()].map((generation) => ({
        version: generation.version,
        change: { type: 'upsert' as const, generation },
      })),
      ...[...this.deletedAt].map(([id, version]) => ({
        version,
        change: { type: 'delete' as const, id, version },
      })),
    ]
    const after = all.filter((c) => c.version > cursor).sort((a, b) => a.version - b.version)
    const page = after.slice(0, Math.min(limit, this.pageSize))
    return json({
      changes: page.map((c) => c.change),
      cursor: page.at(-1)?.version ?? cursor,
      hasMore: after.length > page.length,
      remaining: after.length - page.length,
      reset: false,
      balances: this.balances,
    })
  }
}
