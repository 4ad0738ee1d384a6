import { describe, expect, it } from 'vitest'
import type { OutboxEntry } from './data/db.ts'
import type { HistoryItem } from './data/history-item.ts'
import { makeGeneration } from './data/testing/fake-api.ts'
import { creditsReturned, formatDateTime, formatSize, itemLabel, relativeTime } from './format.ts'

const entry = (overrides: Partial<OutboxEntry>): HistoryItem => {
  const value: OutboxEntry = {
    id: 'e1',
    op: 'generate',
    workflow: 'product-shoot',
    request: { workflow: 'product-shoot', prompt: 'On marble' },
    references: [],
    createdAt: new Date().toISOString(),
    attempts: 0,
    nextAttemptAt: 0,
    state: 'waiting',
    schemaVersion: 1,
    ...overrides,
  }
  return { kind: 'local', id: value.id, entry: value }
}

describe('history labels', () => {
  it('should use the docs/product.md §8 words for each state', () => {
    expect(itemLabel(entry({}), 'waiting')).toBe('Waiting to send')
    expect(itemLabel(entry({ state: 'paused' }), 'paused')).toBe('Sign in to send')
    const running = makeGeneration({ status: 'running' })
    expect(itemLabel({ kind: 'synced', id: running.id, generation: running }, 'running')).toBe(
      'Generating…'
    )
  })

  it('should give a refused request its reason', () => {
    const item = entry({
      state: 'rejected',
      lastError: { code: 'OUT_OF_CREDITS', message: 'x', status: 402 },
    })
    expect(itemLabel(item, 'rejected')).toBe(
      "Not sent: you don't have enough product shoot credits. Nothing was charged."
    )
  })

  it('should say how many images came back and how many credits returned', () => {
    const image = { url: '/x', contentType: 'image/png', width: 1, height: 1, bytes: 1 }
    const partial = makeGeneration({
      status: 'succeeded',
      params: { prompt: 'p', n: 3, promptExtend: true },
      images: [{ ...image, index: 0 }],
      cost: 3,
      refunded: 2,
    })
    expect(itemLabel({ kind: 'synced', id: partial.id, generation: partial }, 'succeeded')).toBe(
      '1 of 3 images ready. 2 credits returned.'
    )
    const full = makeGeneration({ status: 'succeeded', images: [{ ...image, index: 0 }] })
    expect(itemLabel({ kind: 'synced', id: full.id, generation: full }, 'succeeded')).toBe('Ready')
  })

  it('should format credits, sizes and relative times', () => {
    expect(creditsReturned(1)).toBe('1 credit returned.')
    expect(formatSize('1328*1328')).toBe('1328 × 1328')
    const now = Date.parse('2026-11-22T12:00:00Z')
    expect(relativeTime('2026-11-22T11:59:30Z', now)).toBe('just now')
    expect(relativeTime('2026-11-22T10:00:00Z', now)).toBe('2 hours ago')
    expect(relativeTime('2026-11-21T12:00:00Z', now)).toBe('yesterday')
  })

  it("should say what Intl's English relative time says, back and ahead, in every unit", () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
    const now = Date.parse('2026-11-22T12:00:00Z')
    const units = {
      minute: 60,
      hour: 3600,
      day: 86_400,
      week: 604_800,
      month: 2_592_000,
      year: 31_536_000,
    }
    for (const [unit, size] of Object.entries(units)) {
      const next = Object.values(units).find((s) => s > size) ?? Number.POSITIVE_INFINITY
      for (const n of [1, 2, 3, 5, 11, 21, 100]) {
        if (n * size >= next) continue
        for (const sign of [-1, 1]) {
          const iso = new Date(now + sign * n * size * 1000).toISOString()
          expect(relativeTime(iso, now)).toBe(
            intl.format(sign * n, unit as Intl.RelativeTimeFormatUnit)
          )
        }
      }
    }
  })
})

describe('formatDateTime', () => {
  it('should write a date and time in English, as the rest of the app', () => {
    const local = new Date(2026, 10, 22, 14, 4)
    expect(formatDateTime(local)).toMatch(/^Nov 22, 2026, 2:04\sPM$/)
    expect(formatDateTime(local.toISOString())).toBe(formatDateTime(local))
  })
})
