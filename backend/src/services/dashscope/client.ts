import { parseRetryAfter } from '@app/shared-types'
import { classifyProviderError, ProviderError } from './provider-errors.ts'
import { isAllowedResultUrl } from './result-hosts.ts'
import { type StreamedBody, streamedJson } from './streamed-body.ts'
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
  /** The largest result image accepted (bytes). */
  maxResultBytes?: number
}

/**
 * Results are at most 2048 px a side; even an uncompressed 8-bit RGBA image of that size is 16 MiB,
 * so anything larger is not a result, and reading it could exhaust the isolate's memory.
 */
export const MAX_RESULT_BYTES = 2048 * 2048 * 4 + 1024 * 1024

/** Marks answers from the local simulator, so their results can be labelled "Simulated". */
export const SIMULATOR_HEADER = 'x-dashscope-simulator'

/** The DashScope image API: sync generation, async tasks, and result downloads. */
export type DashScopeClient = ReturnType<typeof createDashScopeClient>

/** The call's own timeout, cut short when the job's signal aborts (lease lost, budget spent). */
const deadline = (timeoutMs: number, signal: AbortSignal | undefined) =>
  signal
    ? AbortSignal.any([AbortSignal.timeout(timeoutMs), signal])
    : AbortSignal.timeout(timeoutMs)

/** A streamed body with its length announced, as DashScope's gateway expects a Content-Length. */
const fixedLength = ({ stream, length }: StreamedBody) => {
  const { readable, writable } = new FixedLengthStream(length)
  stream.pipeTo(writable).catch(() => undefined)
  return readable
}

/** Reads a body, refusing one larger than `max` bytes before holding it all. */
const readCapped = async (res: Response, max: number): Promise<ArrayBuffer | undefined> => {
  if (Number(res.headers.get('content-length') ?? 0) > max) {
    await res.body?.cancel()
    return undefined
  }
  const reader = res.body?.getReader()
  if (!reader) return new ArrayBuffer(0)
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > max) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes.buffer
}

const retryAfter = (res: Response) => {
  const ms = parseRetryAfter(res.headers.get('retry-after'))
  return ms ? Math.ceil(ms / 1000) : undefined
}

/** Creates a client; every failure is thrown as a classified `ProviderError`. */
export const createDashScopeClient = (deps: DashScopeDeps) => {
  const doFetch = deps.fetch ?? fetch
  const callTimeoutMs = deps.callTimeoutMs ?? 300_000
  const shortTimeoutMs = deps.shortTimeoutMs ?? 30_000
  const maxResultBytes = deps.maxResultBytes ?? MAX_RESULT_BYTES
  const base = deps.baseUrl.replace(/\/+$/, '')

  const send = async (
    path: string,
    init: RequestInit,
    timeoutMs: number,
    signal: AbortSignal | undefined
  ) => {
    let res: Response
    try {
      res = await doFetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${deps.apiKey}`, ...init.headers },
        signal: deadline(timeoutMs, signal),
      })
    } catch (cause) {
      // The request may have reached the provider: the outcome is unknown (docs/dashscope.md §8
      // "ambiguous").
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

  const post = (body: BodyInit, headers: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

  return {
    /**
     * One sync call (docs/dashscope.md §5): the result URLs, or a `ProviderError`. The photos are
     * streamed from their sources into the body as data URIs.
     */
    async generate(
      request: ProviderRequest,
      signal?: AbortSignal
    ): Promise<ProviderResult & { simulated: boolean }> {
      const images = request.references.map((source) => ({
        placeholder: `reference-${crypto.randomUUID()}`,
        source,
      }))
      const json = JSON.stringify(
        syncBody(
          request,
          images.map((image) => image.placeholder)
        )
      )
      const body = images.length > 0 ? fixedLength(streamedJson(json, images)) : json
      const {
        json: answer,
        simulated,
        res,
      } = await send(
        '/services/aigc/multimodal-generation/generation',
        post(body),
        callTimeoutMs,
        signal
      )
      const result = parseSyncResult(answer)
      if (!result) throw malformed('answered 2xx without images')
      return {
        ...result,
        requestId: result.requestId ?? res.headers.get('x-request-id') ?? undefined,
        simulated,
      }
    },

    /** Creates an async task (docs/dashscope.md §6.1); store its id before waiting on it. */
    async createTask(
      request: ProviderRequest,
      signal?: AbortSignal
    ): Promise<TaskReading & { simulated: boolean }> {
      const { json, simulated } = await send(
        '/services/aigc/text2image/image-synthesis',
        post(JSON.stringify(taskBody(request)), { 'x-dashscope-async': 'enable' }),
        shortTimeoutMs,
        signal
      )
      const task = parseTask(json)
      if (!task?.taskId) throw malformed('answered a task create without a task id')
      return { ...task, simulated }
    },

    /** Reads a task (docs/dashscope.md §6.2); always safe to repeat. */
    async getTask(taskId: string, signal?: AbortSignal): Promise<TaskReading> {
      const { json } = await send(
        `/tasks/${encodeURIComponent(taskId)}`,
        { method: 'GET' },
        shortTimeoutMs,
        signal
      )
      const task = parseTask(json)
      if (!task) throw malformed('answered a task query without a task')
      return task
    },

    /** Asks to cancel a task; only a PENDING one can be (docs/dashscope.md §6.3). */
    async cancelTask(taskId: string): Promise<void> {
      await send(
        `/tasks/${encodeURIComponent(taskId)}/cancel`,
        { method: 'POST' },
        shortTimeoutMs,
        undefined
      )
    },

    /**
     * Downloads one result image from an allowed host, without following redirects elsewhere and
     * refusing one larger than any result can be.
     */
    async download(
      url: string,
      signal?: AbortSignal
    ): Promise<{ bytes: ArrayBuffer; contentType: string }> {
      if (!isAllowedResultUrl(url, deps.resultOrigins)) {
        throw malformed(`result URL is not on an allowed host: ${new URL(url).host}`)
      }
      let res: Response
      try {
        res = await doFetch(url, {
          redirect: 'manual',
          signal: deadline(shortTimeoutMs, signal),
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
      let bytes: ArrayBuffer | undefined
      try {
        bytes = await readCapped(res, maxResultBytes)
      } catch (cause) {
        throw new ProviderError({
          errorClass: 'provider_busy',
          retryable: true,
          message: 'Result download was cut off',
          cause,
        })
      }
      if (!bytes) throw malformed(`result is larger than ${maxResultBytes} bytes`)
      return { bytes, contentType: res.headers.get('content-type') ?? 'image/png' }
    },
  }
}
