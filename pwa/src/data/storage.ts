import { readMeta, writeMeta } from './meta.ts'

/** What `navigator.storage.estimate()` reported, in bytes. */
export interface StorageEstimate {
  readonly usage: number
  readonly quota: number
}

const storageManager = (): StorageManager | undefined =>
  typeof navigator !== 'undefined' ? navigator.storage : undefined

/** How much this origin stores and may store; undefined where the browser cannot say. */
export const readStorageEstimate = async (): Promise<StorageEstimate | undefined> => {
  const storage = storageManager()
  if (typeof storage?.estimate !== 'function') return undefined
  try {
    const { usage, quota } = await storage.estimate()
    if (usage === undefined || quota === undefined) return undefined
    return { usage, quota }
  } catch {
    return undefined
  }
}

/** Whether the browser promised to keep this origin's data; undefined where it cannot say. */
export const isStoragePersisted = async (): Promise<boolean | undefined> => {
  const storage = storageManager()
  if (typeof storage?.persisted !== 'function') return undefined
  try {
    return await storage.persisted()
  } catch {
    return undefined
  }
}

/** Asks the browser to keep this origin's data under storage pressure; true when granted. */
export const requestPersistentStorage = async (): Promise<boolean> => {
  const storage = storageManager()
  if (typeof storage?.persist !== 'function') return false
  try {
    return await storage.persist()
  } catch {
    return false
  }
}

/**
 * Asks the browser, once per device, to keep this origin's data now that the user has saved work
 * on it; Firefox prompts for this, so a refusal is not asked again (Settings still offers it).
 */
export const keepSavedWork = async (): Promise<void> => {
  if (await readMeta('persistRequested')) return
  await writeMeta('persistRequested', true)
  if ((await isStoragePersisted()) === false) await requestPersistentStorage()
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const

/**
 * A byte count for people, in powers of 1000 as operating systems show file sizes.
 *
 * @example formatBytes(1_530_000) // '1.5 MB'
 */
export const formatBytes = (bytes: number): string => {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  if (unit === 0) return `${Math.round(value)} ${value === 1 ? 'byte' : 'bytes'}`
  const digits = value < 10 ? 1 : 0
  return `${value.toFixed(digits)} ${UNITS[unit]}`
}
