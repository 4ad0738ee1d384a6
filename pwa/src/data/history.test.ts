import type { Workflow } from '@app/shared-types'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, type OutboxEntry, type OutboxState } from './db.ts'
import { historyIds, historyItem, historyItems, historyView } from './history.ts'
import { ALL_HISTORY, itemState } from './history-item.ts'
import { FIRST_WINDOW } from './history-start-cards.ts'
import { makeGeneration } from './testing/fake-api.ts'
import { freshWorld } from './testing/setup.ts'

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString()

const entry = (
  id: string,
  state: OutboxState,
  minute: number,
  workflow: Workflow = 'ad-graphic'
): OutboxEntry => ({
  id,
  op: 'generate',
  workflow,
  request: { workflow, prompt: 'p' },
  references: [],
  createdAt: at(minute),
  attempts: 0,
  nextAttemptAt: 0,
  state,
  schemaVersion: 1,
})

beforeEach(async () => {
  await freshWorld()
  await db.generations.bulkPut([
    makeGeneration({ id: 'g-old', status: 'succeeded', createdAt: at(1) }),
    makeGeneration({
      id: 'g-new',
      status: 'running',
      createdAt: at(50),
      workflow: 'product-shoot',
    }),
    makeGeneration({ id: 'g-mid', status: 'failed', createdAt: at(20) }),
    makeGeneration({ id: 'g-q', status: 'queued', createdAt: at(30) }),
    makeGeneration({ id: 'g-c', status: 'canceled', createdAt: at(10), workflow: 'product-shoot' }),
  ])
  await db.outbox.bulkPut([
    entry('l-wait', 'waiting', 5),
    entry('l-rej', 'rejected', 7),
    entry('l-pause', 'paused', 3, 'product-shoot'),
    { ...entry('d-1', 'waiting', 60), op: 'delete', targetId: 'g-gone' },
  ])
})

describe('historyIds', () => {
  it('should list requests on the device first, then synced ones, each newest first', async () => {
    expect(await historyIds(ALL_HISTORY)).toEqual([
      'l-rej',
      'l-wait',
      'l-pause',
      'g-new',
      'g-q',
      'g-mid',
      'g-c',
      'g-old',
    ])
  })

  it('should filter by workflow and by state as docs/product.md §9.5 groups them', async () => {
    expect(await historyIds({ workflow: 'product-shoot', state: 'all' })).toEqual([
      'l-pause',
      'g-new',
      'g-c',
    ])
    expect(await historyIds({ workflow: 'all', state: 'in-progress' })).toEqual([
      'l-wait',
      'l-pause',
      'g-new',
      'g-q',
    ])
    expect(await historyIds({ workflow: 'all', state: 'ready' })).toEqual(['g-old'])
    expect(await historyIds({ workflow: 'all', state: 'failed-or-canceled' })).toEqual([
      'l-rej',
      'g-mid',
      'g-c',
    ])
    expect(await historyIds({ workflow: 'ad-graphic', state: 'failed-or-canceled' })).toEqual([
      'l-rej',
      'g-mid',
    ])
  })
})

describe('historyItems', () => {
  it('should return cards in the order asked, leaving out ids that are gone', async () => {
    const items = await historyItems(['g-q', 'missing', 'l-wait', 'd-1'])
    expect(items.map((i) => [i.id, i.kind, itemState(i)])).toEqual([
      ['g-q', 'synced', 'queued'],
      ['l-wait', 'local', 'waiting'],
    ])
    expect((await historyItem('l-rej'))?.kind).toBe('local')
    expect(await historyItem('missing')).toBeUndefined()
  })
})

describe('historyView', () => {
  it('should read every id with the cards of the first window, as the two queries answer', async () => {
    const more = Array.from({ length: FIRST_WINDOW }, (_, i) =>
      makeGeneration({ status: 'succeeded', createdAt: at(100 + i) })
    )
    await db.generations.bulkPut(more)
    const view = await historyView(ALL_HISTORY)
    const ids = await historyIds(ALL_HISTORY)
    expect(view.ids).toEqual(ids)
    expect(view.items).toEqual(await historyItems(ids.slice(0, FIRST_WINDOW)))
    expect(view.items).toHaveLength(FIRST_WINDOW)
  })
})
