import type { GenerationRequestInput, Workflow } from '@app/shared-types'
import type { OutboxEntry } from './db.ts'

/** What the studio hands over when the user taps Generate (or Queue, offline). */
export interface GenerateIntent {
  workflow: Workflow
  request: GenerationRequestInput
  /** Prepared photos in send order; empty for ad-graphic. */
  references: Blob[]
}

/**
 * Stores the intent as a `waiting` outbox entry in one short transaction and returns its id (the
 * future generation id), then asks for a flush. The card shows at once.
 */
export const enqueueGeneration = async (intent: GenerateIntent): Promise<string> => {
  throw new Error(`not implemented yet (${intent.workflow})`)
}

/** Removes a request that is still on the device (waiting, paused or rejected). */
export const discardEntry = async (id: string): Promise<void> => {
  throw new Error(`not implemented yet (${id})`)
}

/** Sends a rejected entry again, optionally with edited inputs. */
export const resendEntry = async (
  id: string,
  edited?: Pick<GenerateIntent, 'request' | 'references'>
): Promise<void> => {
  throw new Error(`not implemented yet (${id}, ${edited === undefined})`)
}

/** Cancels a card: a device-only request is removed; a server `queued` one gets a cancel intent. */
export const cancelGeneration = async (id: string): Promise<void> => {
  throw new Error(`not implemented yet (${id})`)
}

/**
 * Deletes a card: a device-only request is removed; a synced generation disappears at once and a
 * delete intent is queued for the server.
 */
export const deleteGeneration = async (id: string): Promise<void> => {
  throw new Error(`not implemented yet (${id})`)
}

/** Removes every waiting or paused request on the device. */
export const cancelAllWaiting = async (): Promise<number> => {
  throw new Error('not implemented yet')
}

/** Generate requests on the device that the server has not accepted yet. */
export const unsentEntries = async (): Promise<OutboxEntry[]> => {
  throw new Error('not implemented yet')
}

/** How many requests wait on the device (the offline bar's count). */
export const countWaiting = async (): Promise<number> => {
  throw new Error('not implemented yet')
}
