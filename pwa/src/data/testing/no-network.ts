import { vi } from 'vitest'
import { db } from '../db.ts'

/**
 * A device with nothing stored and no server: every fetch fails as if offline, so what the test
 * stores decides. Undo with `vi.unstubAllGlobals()`.
 */
export const emptyDeviceWithoutNetwork = async (): Promise<void> => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new TypeError('no network in tests')))
  )
  await Promise.all(db.tables.map((table) => table.clear()))
}
