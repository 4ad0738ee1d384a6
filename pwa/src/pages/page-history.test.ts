import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '../data/db.ts'
import { readStart, takeHistoryStart } from '../data/history-start.ts'
import { FIRST_WINDOW } from '../data/history-start-cards.ts'
import { writeMeta } from '../data/meta.ts'
import { makeGeneration } from '../data/testing/fake-api.ts'
import { makeRefusedEntry } from '../data/testing/make-entry.ts'
import { requestWithNetwork } from '../data/testing/network.ts'
import type { PageHistory } from './page-history.ts'
import './page-history.ts'

const text = (el: PageHistory): string =>
  (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim()

const until = async (el: PageHistory, check: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !check(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    await el.updateComplete
  }
}

const mount = async (): Promise<PageHistory> => {
  const el = document.createElement('page-history')
  document.body.append(el)
  await el.updateComplete
  return el
}

describe('<page-history>', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
    // A device that has pulled at least once; before that, no card does not mean no history.
    await writeMeta('lastSyncAt', '2026-12-01T10:00:00.000Z')
  })
  afterEach(async () => {
    await requestWithNetwork(true)
    document.body.replaceChildren()
  })

  it('should draw the first cards on its first render from the start read, with no query of its own', async () => {
    await writeMeta('user', { id: 'u1', name: 'Ada', email: 'ada@example.com' })
    await writeMeta('authState', 'signed-in')
    await db.generations.bulkPut([makeGeneration({ status: 'succeeded' }), makeGeneration()])
    await readStart(true)
    const el = document.createElement('page-history')
    document.body.append(el)
    await el.updateComplete
    const grid = el.shadowRoot?.querySelector('history-grid')
    await grid?.updateComplete
    expect(grid?.shadowRoot?.querySelectorAll('history-card').length).toBe(2)
    expect(takeHistoryStart()).toBeUndefined()
  })

  it("should hand the grid the first cards read with History's ids, so it draws them with no read of its own", async () => {
    const generation = makeGeneration({ status: 'succeeded' })
    await db.generations.put(generation)
    const el = await mount()
    const grid = () => el.shadowRoot?.querySelector('history-grid')
    await expect.poll(() => grid()?.initialItems?.map((item) => item.id)).toEqual([generation.id])
  })

  it('should not announce a count until it knows every card, then announce all of them', async () => {
    await writeMeta('user', { id: 'u1', name: 'Ada', email: 'ada@example.com' })
    await writeMeta('authState', 'signed-in')
    const stored = Array.from({ length: FIRST_WINDOW + 6 }, () =>
      makeGeneration({ status: 'succeeded' })
    )
    await db.generations.bulkPut(stored)
    await readStart(true)
    const el = document.createElement('page-history')
    document.body.append(el)
    await el.updateComplete
    const status = () => el.shadowRoot?.querySelector('p[role="status"]')?.textContent?.trim()
    expect(el.shadowRoot?.querySelector('history-grid')?.ids).toHaveLength(FIRST_WINDOW)
    expect(status()).toBe('')
    await expect.poll(status, { timeout: 10_000 }).toBe(`${FIRST_WINDOW + 6} generations`)
  })

  it('should send again a card refused for lack of credits when its Send again is pressed', async () => {
    const refused = makeRefusedEntry('OUT_OF_CREDITS')
    await db.outbox.put(refused)
    const el = await mount()
    const card = () =>
      el.shadowRoot?.querySelector('history-grid')?.shadowRoot?.querySelector('history-card')
    await until(el, () => Boolean(card()?.shadowRoot?.querySelector('.refused button')))
    card()?.shadowRoot?.querySelector<HTMLButtonElement>('.refused button')?.click()
    await expect.poll(async () => (await db.outbox.get(refused.id))?.state).not.toBe('rejected')
  })

  it('should invite a first generation, with links to both studios, when History is empty', async () => {
    const el = await mount()
    await until(el, () => text(el).includes('No generations yet.'))
    expect(text(el)).toContain(
      'No generations yet. Create your first one in Product Shoot or Ad Graphic.'
    )
    const links = [...(el.shadowRoot?.querySelectorAll('a') ?? [])].map((a) =>
      a.getAttribute('href')
    )
    expect(links).toEqual(['/studio/product-shoot', '/studio/ad-graphic'])
  })

  it('should say it is getting the history, not that there is none, before the first pull', async () => {
    await db.meta.delete('lastSyncAt')
    const el = await mount()
    await until(el, () => text(el).includes('Getting your history…'))
    expect(text(el)).not.toContain('No generations yet.')
    await requestWithNetwork(false)
    await expect
      .poll(() => text(el))
      .toContain('Your history shows here once this device is back online.')
    await writeMeta('lastSyncAt', '2026-12-01T10:00:00.000Z')
    await expect.poll(() => text(el)).toContain('No generations yet.')
  })

  it('should show the cards already pulled while a catch-up says how far it is', async () => {
    await db.generations.put(makeGeneration({ status: 'succeeded' }))
    await writeMeta('syncProgress', { done: 100, total: 10_000 })
    const el = await mount()
    const status = () => el.shadowRoot?.querySelector('history-sync-status')
    await expect
      .poll(() => status()?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim())
      .toBe('Syncing 100 of 10,000 generations…')
    expect(el.shadowRoot?.querySelector('history-grid')).not.toBeNull()
  })

  it('should say when nothing matches the filters, and clear them', async () => {
    await db.generations.put(makeGeneration({ status: 'succeeded' }))
    const el = await mount()
    await until(el, () => Boolean(el.shadowRoot?.querySelector('history-grid')))
    const filters = el.shadowRoot?.querySelector('history-filters')
    filters?.dispatchEvent(
      new CustomEvent('app-history-filter', {
        detail: { filter: { workflow: 'all', state: 'failed-or-canceled' } },
      })
    )
    await until(el, () => text(el).includes('Nothing matches these filters.'))
    expect(text(el)).toContain('Nothing matches these filters.')
    const clear = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent?.trim() === 'Clear filters'
    )
    clear?.click()
    await until(el, () => Boolean(el.shadowRoot?.querySelector('history-grid')))
    expect(el.shadowRoot?.querySelector('history-grid')?.ids).toHaveLength(1)
  })

  it('should keep the list and say so when the last refresh failed', async () => {
    await db.generations.put(makeGeneration({ status: 'succeeded' }))
    await writeMeta('lastSyncError', 'INTERNAL')
    const el = await mount()
    await until(
      el,
      () =>
        text(el).includes("Couldn't refresh.") &&
        el.shadowRoot?.querySelector('history-grid') !== null
    )
    expect(text(el)).toContain("Couldn't refresh. Showing what's on this device.")
    expect(el.shadowRoot?.querySelector('history-grid')).not.toBeNull()
  })

  it('should leave a refresh that failed for lack of a network to the offline bar', async () => {
    await db.generations.put(makeGeneration({ status: 'succeeded' }))
    await writeMeta('lastSyncError', 'NETWORK')
    const el = await mount()
    await until(
      el,
      () =>
        text(el).includes("Couldn't refresh.") &&
        el.shadowRoot?.querySelector('history-grid') !== null
    )
    await requestWithNetwork(false)
    await until(el, () => !text(el).includes("Couldn't refresh."))
    expect(text(el)).not.toContain("Couldn't refresh.")
    expect(el.shadowRoot?.querySelector('history-grid')).not.toBeNull()
  })
})
