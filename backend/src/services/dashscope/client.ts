import { classifyProviderError, ProviderError } from './provider-errors.ts'
import { isAllowedResultUrl } from './result-hosts.ts'
import {
  type ProviderRequest,
  type ProviderResult,
  parseSyncResult,
  parseTask,
  syncBody,
  type TaskReading,
  taskBody,
} from './wire.ts'

/** What the client needs: where DashScope is, the key, which result origins to trust, and fetch. */
export type DashScopeDeps = {
  baseUrl: string
  apiKey: string
  resultOrigins: readonly string[]
  fetch?: typeof fetch
  /** A sync call may take up to the provider's 298 s; our limit sits just above it. */
  callTimeoutMs?: number
  /** Task queries and downloads are quick. */
  shortTimeoutMs?: number
}

/** Marks answers from the local simulator, so their results can be labelled "Simulated". */
export const SIMULATOR_HEADER = 'x-dashscope-simulator'

/** The DashScope image API: sync generation, async tasks, and result downloads. */
export type DashScopeClient = ReturnType<typeof createDashScopeClient>

const retryAfter = (res: Response) => {
  const value = Number(res.headers.get('retry-after'))
  return Number.isFinite(value) && value > 0 ? value : undefined
}

/** Creates a client; every failure is thrown as a classified `ProviderError`. */
export const createDashScopeClient = (deps: DashScopeDeps) => {
  const doFetch = deps.fetch ?? fetch
  const callTimeoutMs = deps.callTimeoutMs ?? 300_000
  const shortTimeoutMs = deps.shortTimeoutMs ?? 30_000
  const base = deps.baseUrl.replace(/\/+$/, '')

  const send = async (path: string, init: RequestInit, timeoutMs: number) => {
    let res: Response
    try {
      res = await doFetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${deps.apiKey}`, ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (cause) {
      // The request may have reached the provider: the outcome is unknown (§8 "ambiguous").
      throw new ProviderError({
        errorClass: 'ambiguous',
        retryable: true,
        message: `DashScope did not answer: ${cause instanceof Error ? cause.message : String(cause)}`,
        cause,
      })
    }
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    if (!res.ok) {
      const body = (json ?? {}) as { code?: unknown; message?: unknown }
      throw classifyProviderError(
        res.status,
        typeof body.code === 'string' ? body.code : undefined,
        typeof body.message === 'string' ? body.message : text.slice(0, 200),
        retryAfter(res)
      )
    }
    return { json, simulated: res.headers.get(SIMULATOR_HEADER) === '1', res }
  }

  const malformed = (what: string) =>
    new ProviderError({ errorClass: 'malformed', retryable: false, message: `DashScope ${what}` })

  const post = (body: unknown, headers: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

  return {
    /** One sync call (§5): the result URLs, or a `ProviderError`. */
    async generate(request: ProviderRequest): Promise<ProviderResult & { simulated: boolean }> {
      const { json, simulated, res } = await send(
        '/services/aigc/multimodal-generation/generation',
        post(syncBody(request)),
        callTimeoutMs
      )
      const result = parseSyncResult(json)
      if (!result) throw malformed('answered 2xx without images')
      return {
        ...result,
        requestId: result.requestId ?? res.headers.get('x-request-id') ?? undefined,
        simulated,
      }
    },

    /** Creates an async task (§6.1); store its id before waiting on it. */
    async createTask(request: ProviderRequest): Promise<TaskReading & { simulated: boolean }> {
      const { json, simulated } = await send(
        '/services/aigc/text2image/image-synthesis',
        post(taskBody(request), { 'x-dashscope-async': 'enable' }),
        shortTimeoutMs
      )
      const task = parseTask(json)
      if (!task?.taskId) throw malformed('answered a task create without a task id')
      return { ...task, simulated }
    },

    /** Reads a task (§6.2); always safe to repeat. */
    async getTask(taskId: string): Promise<TaskReading> {
      const { json } = await send(
        `/tasks/${encodeURIComponent(taskId)}`,
        { method: 'GET' },
        shortTimeoutMs
      )
      const task = parseTask(json)
      if (!task) throw malformed('answered a task query without a task')
      return task
    },

    /** Asks to cancel a task; only a PENDING one can be (§6.3). */
    async cancelTask(taskId: string): Promise<void> {
      await send(`/tasks/${encodeURIComponent(taskId)}/cancel`, { method: 'POST' }, shortTimeoutMs)
    },

    /** Downloads one result image from an allowed host, without following redirects elsewhere. */
    async download(url: string): Promise<{ bytes: ArrayBuffer; contentType: string }> {
      if (!isAllowedResultUrl(url, deps.resultOrigins)) {
        throw malformed(`result URL is not on an allowed host: ${new URL(url).host}`)
      }
      let res: Response
      try {
        res = await doFetch(url, {
          redirect: 'manual',
          signal: AbortSignal.timeout(shortTimeoutMs),
        })
      } catch (cause) {
        throw new ProviderError({
          errorClass: 'provider_busy',
          retryable: true,
          message: 'Result download failed',
          cause,
        })
      }
      if (!res.ok) {
        await res.body?.cancel()
        throw new ProviderError({
          errorClass: 'provider_busy',
          retryable: true,
          status: res.status,
          message: `Result download answered ${res.status}`,
        })
      }
      return {
        bytes: await res.arrayBuffer(),
        contentType: res.headers.get('content-type') ?? 'image/png',
      }
    },
  }
}
