import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../data/db.ts'
import type { HistoryItem } from '../data/history-item.ts'
import { makeGeneration } from '../data/testing/fake-api.ts'
import { rememberGeometry } from '../history/grid-geometry.ts'
import { gridLayout } from '../history/grid-layout.ts'
import type { HistoryCard } from './history-card.ts'
import type { HistoryGrid } from './history-grid.ts'
import './history-grid.ts'

const mount = async (ids: readonly string[]): Promise<HistoryGrid> => {
  const el = document.createElement('history-grid')
  el.ids = ids
  document.body.append(el)
  await el.updateComplete
  return el
}

const cards = (el: HistoryGrid) => [...(el.shadowRoot?.querySelectorAll('history-card') ?? [])]

const settle = async (el: HistoryGrid, count: number): Promise<void> => {
  for (let i = 0; i < 50 && cards(el).length < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    await el.updateComplete
  }
}

describe('<history-grid>', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })
  afterEach(() => {
    document.body.replaceChildren()
  })

  it('should render a labelled list of cards that say their place in the whole list', async () => {
    const generations = [0, 1, 2].map((i) =>
      makeGeneration({ status: 'succeeded', createdAt: `2026-11-2${i}T10:00:00.000Z` })
    )
    await db.generations.bulkPut(generations)
    const el = await mount(generations.map((g) => g.id))
    await settle(el, 3)
    const list = el.shadowRoot?.querySelector('[role="list"]')
    expect(list?.getAttribute('aria-label')).toBe('Generations')
    expect(
      cards(el).map((c) => [c.getAttribute('aria-posinset'), c.getAttribute('aria-setsize')])
    ).toEqual([
      ['1', '3'],
      ['2', '3'],
      ['3', '3'],
    ])
    expect(cards(el)[0]?.getAttribute('role')).toBe('listitem')
  })

  it('should render only a small window of 10,000 ids', async () => {
    const ids = Array.from({ length: 10_000 }, () => crypto.randomUUID())
    const el = await mount(ids)
    const rendered = el.shadowRoot?.querySelectorAll('[role="listitem"]').length ?? 0
    expect(rendered).toBeGreaterThan(0)
    expect(rendered).toBeLessThan(60)
    expect(el.shadowRoot?.querySelectorAll('*').length).toBeLessThan(100)
  })
  it('should show a change to a card made in the database, with no new window', async () => {
    const generation = makeGeneration({ status: 'running' })
    await db.generations.put(generation)
    const el = await mount([generation.id])
    await settle(el, 1)
    const state = () => (cards(el)[0] as HistoryCard | undefined)?.state
    expect(state()).toBe('running')
    await db.generations.update(generation.id, { status: 'succeeded' })
    for (let i = 0; i < 50 && state() !== 'succeeded'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      await el.updateComplete
    }
    expect(state()).toBe('succeeded')
  })
})

describe('<history-grid> at a start', () => {
  afterEach(() => {
    document.body.replaceChildren()
    localStorage.clear()
    vi.restoreAllMocks()
  })

  const startCards = (count: number): HistoryItem[] =>
    Array.from({ length: count }, (_, i) => {
      const generation = makeGeneration({
        status: 'succeeded',
        createdAt: `2026-11-${String(28 - i).padStart(2, '0')}T10:00:00.000Z`,
      })
      return { kind: 'synced', id: generation.id, generation }
    })

  it("should draw a start's cards from the geometry remembered for this viewport, reading no layout", async () => {
    rememberGeometry({ width: 358, top: 0 })
    const items = startCards(24)
    const el = document.createElement('history-grid')
    const layoutReads = vi.spyOn(el, 'getBoundingClientRect')
    el.ids = items.map((item) => item.id)
    el.initialItems = items
    document.body.append(el)
    await el.updateComplete
    expect(layoutReads).not.toHaveBeenCalled()
    const rows = Math.ceil(window.innerHeight / gridLayout(358).rowHeight)
    expect(cards(el)).toHaveLength(Math.min(24, rows * 2))
  })
})
