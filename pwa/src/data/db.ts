import type {
  Balances,
  Generation,
  GenerationRequestInput,
  Profile,
  PublicConfig,
  Workflow,
} from '@app/shared-types'
import { Dexie, type Table } from 'dexie'
import type { ClientErrorCode } from './client-errors.ts'
import { DB_NAME } from './db-name.ts'

/** What an outbox entry asks the server to do. */
export type OutboxOp = 'generate' | 'cancel' | 'delete'

/**
 * Where an entry is on the device (docs/product.md §8): `waiting` to be sent, `sending` now,
 * `paused` until the user signs in again, or `rejected` by the server with its inputs kept for
 * edit.
 */
export type OutboxState = 'waiting' | 'sending' | 'paused' | 'rejected'

/** Why the last attempt did not go through. */
export interface OutboxError {
  readonly code: ClientErrorCode
  readonly message: string
  readonly status: number
}

/**
 * One intent waiting on the device. The request is rebuilt from it at send time, never replayed.
 * For `generate`, `id` is the generation id and the Idempotency-Key; for `cancel` and `delete`,
 * `targetId` names the generation.
 */
export interface OutboxEntry {
  id: string
  op: OutboxOp
  targetId?: string
  workflow: Workflow
  request?: GenerationRequestInput
  /** Prepared photos, in the order they are sent (product-shoot only). */
  references: Blob[]
  createdAt: string
  attempts: number
  /** Epoch ms before which the entry is not sent again. */
  nextAttemptAt: number
  state: OutboxState
  lastError?: OutboxError
  schemaVersion: 1
}

/** A small image made on the device for a history card. `id` is the generation or entry id. */
export interface Thumbnail {
  id: string
  blob: Blob
  width: number
  height: number
  /**
   * `reference` while the card shows the first reference photo (a request not done yet);
   * `image` once it shows the first generated image.
   */
  source?: 'reference' | 'image'
}

/** One studio's saved form. `fields` belongs to the studio, which checks its shape on load. */
export interface Draft {
  workflow: Workflow
  fields: Record<string, unknown>
  photos: Blob[]
  updatedAt: string
}

/** The signed-in user as this device last saw them. */
export interface LocalUser {
  id: string
  name: string
  email: string
  /** Whether the address is verified (spending needs it); absent on users stored before. */
  emailVerified?: boolean
}

/** Balances with the time the server sent them, so offline UI can say "as of". */
export interface KnownBalances {
  balances: Balances
  at: string
}

/** How far a catch-up pull is: `done` of `total` changes on the device. */
export interface SyncProgress {
  done: number
  total: number
}

/** Typed key–value rows of the `meta` table. */
export interface MetaValues {
  /** Highest sync version this device has applied. */
  cursor: number
  user: LocalUser | null
  /** `expired` after a 401: the outbox pauses and the UI asks to sign in again. */
  authState: 'signed-in' | 'expired' | 'signed-out'
  balances: KnownBalances
  profile: Profile
  config: PublicConfig
  lastSyncAt: string
  /** Set while a pull of more than one page runs, so History can say how far it is. */
  syncProgress: SyncProgress
  /** Set when the last pull failed; cleared by the next good one. */
  lastSyncError: ClientErrorCode | null
  /** Written once; its absence with a known user means the database was wiped. */
  sentinel: string
  persistRequested: boolean
  /**
   * Set when sign-out could not reach the server: the session cookie (HttpOnly, out of the app's
   * reach) is still valid, so the next check online must end it rather than sign the user back in.
   */
  signOutPending: boolean
  /** Photos another app shared to Addreams (share target), until the studio takes them. */
  sharedPhotos: Blob[]
}
export type MetaKey = keyof MetaValues

export interface MetaRow<K extends MetaKey = MetaKey> {
  key: K
  value: MetaValues[K]
}

/** The app's IndexedDB database (docs/architecture.md §7). A shipped version is never edited. */
export class AppDB extends Dexie {
  generations!: Table<Generation, string>
  outbox!: Table<OutboxEntry, string>
  thumbnails!: Table<Thumbnail, string>
  drafts!: Table<Draft, Workflow>
  meta!: Table<MetaRow, MetaKey>

  constructor(name = DB_NAME) {
    super(name)
    this.version(1).stores({
      generations: 'id, createdAt, [workflow+createdAt], [status+createdAt]',
      outbox: 'id, createdAt, state, targetId',
      thumbnails: 'id',
      drafts: 'workflow',
      meta: 'key',
    })
  }
}

/** The only instance; the service worker imports this same module. */
export const db = new AppDB()
