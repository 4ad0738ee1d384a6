import { createHmac, randomBytes } from 'node:crypto'
import { SimError } from './errors.ts'

/** One downloadable result image. */
export interface StoredResult {
  /**
   * Draws the served PNG (output size, or 64×64 in tiny mode). Rendered on download, so an
   * answer keeps its latency profile and an image nobody fetches costs nothing.
   */
  render: () => Buffer
  /** Unix seconds, as in OSS's `Expires`. */
  expires: number
  /** Downloads that still answer 500 before the image is served (`result-download` fault). */
  failuresLeft: number
}

const expiredImage = (): Buffer => {
  throw new SimError('AccessDenied', 'Request has expired.')
}

/** Signed, expiring result URLs in the style of OSS (docs/dashscope.md §9, §12.7). */
export class ResultStore {
  // A fresh secret per run: URLs from an earlier run must not verify.
  private readonly _secret = randomBytes(32)
  private _items = new Map<string, StoredResult>()

  /** Stores a result under `path` and returns the path with its signed query. */
  add(path: string, result: StoredResult): string {
    this._items.set(path, result)
    const signature = this._sign(path, String(result.expires))
    return `${path}?Expires=${result.expires}&OSSAccessKeyId=SIM&Signature=${signature}`
  }

  /**
   * Finds the result a download asks for. Throws 404 for an unknown path and 403 for a bad
   * signature or an expired URL, checked on the simulator clock.
   */
  lookup(path: string, query: URLSearchParams, nowMs: number): StoredResult {
    const result = this._items.get(path)
    if (!result) throw new SimError('NotFound')
    const expires = query.get('Expires') ?? ''
    if (
      query.get('OSSAccessKeyId') !== 'SIM' ||
      query.get('Signature') !== this._sign(path, expires)
    ) {
      throw new SimError('AccessDenied', 'The request signature we calculated does not match.')
    }
    if (Number(expires) * 1000 <= nowMs) throw new SimError('AccessDenied', 'Request has expired.')
    return result
  }

  /**
   * Lets go of what expired results would draw from (decoded photos): their URLs only answer
   * 403 from now on, so a long-running simulator does not keep every photo it was sent.
   */
  releaseExpired(nowMs: number): void {
    for (const result of this._items.values()) {
      if (result.expires * 1000 <= nowMs) result.render = expiredImage
    }
  }

  clear(): void {
    this._items.clear()
  }

  private _sign(path: string, expires: string): string {
    return createHmac('sha256', this._secret).update(`${path}\n${expires}`).digest('base64url')
  }
}
