import type { Purchase } from '@app/shared-types'
import type { OutboxEntry } from '../db.ts'

/** An ad-graphic generate request on the device, waiting to be sent, with `overrides` applied. */
export const makeEntry = (overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: crypto.randomUUID(),
  op: 'generate',
  workflow: 'ad-graphic',
  request: { workflow: 'ad-graphic', prompt: 'Poster' },
  references: [],
  createdAt: new Date().toISOString(),
  attempts: 0,
  nextAttemptAt: Date.now() + 60_000,
  state: 'waiting',
  schemaVersion: 1,
  ...overrides,
})

/** A request the server refused with `code` (OUT_OF_CREDITS answers 402). */
export const makeRefusedEntry = (
  code: 'OUT_OF_CREDITS' | 'VALIDATION_FAILED',
  overrides: Partial<OutboxEntry> = {}
): OutboxEntry =>
  makeEntry({
    attempts: 1,
    nextAttemptAt: 0,
    state: 'rejected',
    lastError: { code, message: code, status: code === 'OUT_OF_CREDITS' ? 402 : 422 },
    ...overrides,
  })

/** A 10-credit ad-graphic purchase in `status`, as `GET /api/credits/purchases/cs_1` answers. */
export const makePurchase = (status: Purchase['status']): Purchase => ({
  id: 'cs_1',
  workflow: 'ad-graphic',
  pack: 'small',
  credits: 10,
  amount: 500,
  currency: 'usd',
  status,
  createdAt: '2026-12-04T10:00:00.000Z',
  completedAt: status === 'completed' ? '2026-12-04T10:01:00.000Z' : null,
})
