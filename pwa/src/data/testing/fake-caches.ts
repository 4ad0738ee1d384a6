/** A Cache keyed by absolute URL, enough of the Cache Storage API for the image cache code. */
class FakeCache {
  readonly entries = new Map<string, Response>()
  /** How many times a stored body was read, to prove what never reads one. */
  bodyReads = 0

  private _key(request: RequestInfo | URL): string {
    const url = request instanceof Request ? request.url : String(request)
    return new URL(url, location.origin).href
  }

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const stored = this.entries.get(this._key(request))
    if (!stored) return undefined
    const copy = stored.clone()
    const blob = copy.blob.bind(copy)
    copy.blob = () => {
      this.bodyReads++
      return blob()
    }
    return copy
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    this.entries.set(this._key(request), response.clone())
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(this._key(request))
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url))
  }
}

/** An in-memory `caches`, stubbed in with `vi.stubGlobal('caches', new FakeCaches())`. */
export class FakeCaches {
  readonly named = new Map<string, FakeCache>()

  async open(name: string): Promise<FakeCache> {
    const cache = this.named.get(name) ?? new FakeCache()
    this.named.set(name, cache)
    return cache
  }

  async has(name: string): Promise<boolean> {
    return this.named.has(name)
  }

  async delete(name: string): Promise<boolean> {
    return this.named.delete(name)
  }
}
