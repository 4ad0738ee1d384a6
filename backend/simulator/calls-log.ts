import { sha256Hex } from './canonical-json.ts'
import type { CallRoute } from './counters.ts'

/** One service call as `GET /__sim/calls` shows it. */
export interface CallEntry {
  request_id: string
  at: string
  method: string
  path: string
  route: CallRoute | null
  key?: string
  model?: string
  task_id?: string
  fingerprint?: string
  /** The request body with every data-URI image replaced by `sha256:<hex of the bytes>`. */
  body?: unknown
  faults?: string[]
  /** Which texts were cut to the model's limit (`prompt`, `negative_prompt`). */
  truncated?: string[]
  /** The HTTP status, or what happened instead of an answer. */
  status: number | 'dropped' | 'hung' | null
}

// Enough history for any test, bounded so a long `npm start` session does not grow forever.
const MAX_ENTRIES = 1_000

const DATA_URI = /^data:[^,]*;base64,/

/** Replaces image data by its hash so the log stays small and comparable with stored objects. */
export const redactImages = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redactImages)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) =>
      key === 'image' && typeof item === 'string' && DATA_URI.test(item)
        ? [key, `sha256:${sha256Hex(Buffer.from(item.replace(DATA_URI, ''), 'base64'))}`]
        : [key, redactImages(item)]
    )
  )
}

/** The call log, oldest first. */
export class CallLog {
  private _entries: CallEntry[] = []

  /** Appends an entry that the handler keeps filling in as the call proceeds. */
  start(entry: CallEntry): CallEntry {
    this._entries.push(entry)
    if (this._entries.length > MAX_ENTRIES) this._entries.shift()
    return entry
  }

  list(): CallEntry[] {
    return [...this._entries]
  }

  clear(): void {
    this._entries = []
  }
}
