import { vi } from 'vitest'
import { db, type LocalUser } from '../db.ts'
import { isFlushing } from '../flush-state.ts'
import { flush } from '../sync-engine.ts'
import { FakeApi } from './fake-api.ts'

/** Waits until no flush runs in this context, including the follow-up ones a request asked for. */
export const settle = async (): Promise<void> => {
  while (isFlushing()) await flush()
}

/**
 * happy-dom's FormData refuses what fake-indexeddb hands back for a stored Blob (its structured
 * clone runs in Node and does not know happy-dom's Blob). This one keeps the parts as given.
 */
class PartsFormData {
  readonly parts: [string, unknown][] = []
  append(name: string, value: unknown): void {
    this.parts.push([name, value])
  }
  get(name: string): unknown {
    return this.parts.find(([n]) => n === name)?.[1] ?? null
  }
  getAll(name: string): unknown[] {
    return this.parts.filter(([n]) => n === name).map(([, value]) => value)
  }
}

/** A fresh fake server as `fetch` and an empty database. */
export const freshWorld = async (): Promise<FakeApi> => {
  await settle()
  await Promise.all(db.tables.map((table) => table.clear()))
  const api = new FakeApi()
  vi.stubGlobal('fetch', api.fetch)
  vi.stubGlobal('FormData', PartsFormData)
  return api
}

/** The device as after a sign-in of `user`. */
export const signedInAs = async (user: LocalUser): Promise<void> => {
  await db.meta.bulkPut([
    { key: 'user', value: user },
    { key: 'authState', value: 'signed-in' },
  ])
}

/** A small intent for the ad-graphic studio. */
export const adIntent = (prompt = 'A poster', n = 1) => ({
  workflow: 'ad-graphic' as const,
  request: { workflow: 'ad-graphic' as const, prompt, n },
  references: [],
})

/** A product-shoot intent with one photo. */
export const shootIntent = (n = 1) => ({
  workflow: 'product-shoot' as const,
  request: { workflow: 'product-shoot' as const, prompt: 'On marble', n },
  references: [new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' })],
})
