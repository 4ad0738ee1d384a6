import { crc32, inflateSync } from 'node:zlib'
import { encodePng } from './png.ts'
import { type Simulator, type SimulatorOptions, startSimulator } from './server.ts'
import type { SimState } from './state.ts'

/** Helpers shared by the simulator's tests; they talk HTTP exactly as a client would. */

export const KEY = 'sk-sim'
export const SYNC_PATH = '/api/v1/services/aigc/multimodal-generation/generation'
export const ASYNC_PATH = '/api/v1/services/aigc/text2image/image-synthesis'

export type Counters = ReturnType<SimState['countersSnapshot']>

/** Where to send a call: a started simulator, or just its origin (e.g. one run by the CLI). */
export type Target = Pick<Simulator, 'url'>

export interface ErrorResponse {
  request_id: string
  code: string
  message: string
}

export interface SyncResponse {
  request_id: string
  output: {
    choices: { finish_reason: string; message: { role: string; content: { image?: string }[] } }[]
    task_metric?: { TOTAL: number; SUCCEEDED: number; FAILED: number }
  }
  usage: { width: number; height: number; image_count: number }
}

export interface TaskResponse {
  request_id: string
  output: {
    task_id: string
    task_status: string
    submit_time?: string
    scheduled_time?: string
    end_time?: string
    code?: string
    message?: string
    results?: { url?: string; orig_prompt?: string; actual_prompt?: string; code?: string }[]
    task_metrics?: { TOTAL: number; SUCCEEDED: number; FAILED: number }
  }
  usage?: { image_count: number }
}

/** Starts a simulator on a free port for one test file. */
export const startTestSimulator = (options: SimulatorOptions = {}): Promise<Simulator> =>
  startSimulator({ port: 0, ...options })

interface CallOptions {
  /** `null` sends no Authorization header. */
  key?: string | null
  headers?: Record<string, string>
  signal?: AbortSignal
}

const headersFor = ({ key = KEY, headers = {} }: CallOptions): Record<string, string> => ({
  'content-type': 'application/json',
  ...(key === null ? {} : { authorization: `Bearer ${key}` }),
  ...headers,
})

/** POSTs to a service path; a string body is sent as is, anything else as JSON. */
export const post = (sim: Target, path: string, body: unknown, options: CallOptions = {}) =>
  fetch(sim.url + path, {
    method: 'POST',
    headers: headersFor(options),
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: options.signal,
  })

export const callSync = (sim: Target, body: unknown, options: CallOptions = {}) =>
  post(sim, SYNC_PATH, body, options)

export const createTask = (sim: Target, body: unknown, options: CallOptions = {}) =>
  post(sim, ASYNC_PATH, body, {
    ...options,
    headers: { 'X-DashScope-Async': 'enable', ...options.headers },
  })

export const getTask = (sim: Target, id: string, key: string | null = KEY) =>
  fetch(`${sim.url}/api/v1/tasks/${id}`, { headers: headersFor({ key }) })

export const cancelTask = (sim: Target, id: string, key: string | null = KEY) =>
  fetch(`${sim.url}/api/v1/tasks/${id}/cancel`, { method: 'POST', headers: headersFor({ key }) })

/** Calls a `/__sim` route and returns its JSON. */
export const control = async <T = Record<string, unknown>>(
  sim: Target,
  method: string,
  route: string,
  body?: unknown
): Promise<T> => {
  const response = await fetch(`${sim.url}/__sim/${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return (await response.json()) as T
}

/** Resets the simulator and freezes its clock, as most lifecycle tests want. */
export const resetManual = async (sim: Target): Promise<void> => {
  await control(sim, 'POST', 'reset')
  await control(sim, 'POST', 'clock', { mode: 'manual' })
}

export const advance = (sim: Target, ms: number) =>
  control(sim, 'POST', 'clock', { advance_ms: ms })

export const counters = (sim: Target) => control<Counters>(sim, 'GET', 'counters')

export const json = async <T>(response: Response): Promise<T> => (await response.json()) as T

/** A text-to-image sync body; `prompt_extend` is off so fast-profile timings stay exact. */
export const textBody = (
  prompt: string,
  parameters: Record<string, unknown> = {},
  model = 'qwen-image-max'
) => ({
  model,
  input: { messages: [{ role: 'user', content: [{ text: prompt }] }] },
  parameters: { n: 1, prompt_extend: false, watermark: false, ...parameters },
})

export const editBody = (
  images: string[],
  prompt: string,
  parameters: Record<string, unknown> = {}
) => ({
  model: 'qwen-image-edit-max',
  input: {
    messages: [
      { role: 'user', content: [...images.map((image) => ({ image })), { text: prompt }] },
    ],
  },
  parameters: { n: 1, prompt_extend: false, watermark: false, ...parameters },
})

export const asyncBody = (prompt: string, parameters: Record<string, unknown> = {}) => ({
  model: 'qwen-image-plus',
  input: { prompt },
  parameters: { n: 1, size: '1328*1328', prompt_extend: true, watermark: false, ...parameters },
})

/** A real grey PNG of the given size as a data URI. */
export const pngDataUri = (width: number, height: number): string =>
  `data:image/png;base64,${encodePng(width, height, new Uint8Array(width * height * 3).fill(128)).toString('base64')}`

/** Every image URL of a sync answer, from every choice. */
export const imageUrls = (body: SyncResponse): string[] =>
  body.output.choices.flatMap((choice) =>
    choice.message.content.flatMap((item) => item.image ?? [])
  )

/**
 * Decodes a PNG far enough to prove it valid: signature, every chunk's CRC, the IHDR size and
 * the inflated pixel data length for 8-bit RGB.
 */
export const inspectPng = (bytes: Buffer) => {
  const signatureOk = bytes.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))
  const types: string[] = []
  const idat: Buffer[] = []
  let crcOk = true
  let header: Buffer = Buffer.alloc(0)
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    const data = bytes.subarray(at + 8, at + 8 + length)
    crcOk &&= crc32(bytes.subarray(at + 4, at + 8 + length)) === bytes.readUInt32BE(at + 8 + length)
    types.push(type)
    if (type === 'IHDR') header = data
    if (type === 'IDAT') idat.push(data)
    at += 12 + length
  }
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  const pixels = inflateSync(Buffer.concat(idat))
  return {
    signatureOk,
    crcOk,
    types,
    width,
    height,
    pixelsOk: pixels.length === (width * 3 + 1) * height,
  }
}

/** Downloads a URL as bytes. */
export const download = async (url: string) => {
  const response = await fetch(url)
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}
