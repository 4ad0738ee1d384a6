import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../data/db.ts'
import { makeGeneration } from '../data/testing/fake-api.ts'
import { makeEntry, makeRefusedEntry } from '../data/testing/make-entry.ts'
import type { PageHistoryDetail } from './page-history-detail.ts'
import './page-history-detail.ts'

const text = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim()

const until = async (el: PageHistoryDetail, check: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !check(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    await el.updateComplete
  }
}

const mount = async (id: string): Promise<PageHistoryDetail> => {
  const el = document.createElement('page-history-detail')
  el.generationId = id
  document.body.append(el)
  await el.updateComplete
  return el
}

const buttons = (el: PageHistoryDetail): string[] =>
  [
    ...(el.shadowRoot?.querySelector('history-actions')?.shadowRoot?.querySelectorAll('button') ??
      []),
  ].map((b) => b.textContent?.trim() ?? '')

describe('<page-history-detail>', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline')))
    )
  })
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it('should say so for an unknown id and lead back to History', async () => {
    const el = await mount(crypto.randomUUID())
    await until(el, () => text(el).includes("doesn't exist"))
    expect(text(el)).toContain("This generation doesn't exist or was deleted.")
    expect(el.shadowRoot?.querySelector('a')?.getAttribute('href')).toBe('/history')
  })

  it('should show a failed generation’s reason, credits and its actions', async () => {
    const generation = makeGeneration({
      status: 'failed',
      error: { code: 'PROVIDER_BUSY', message: 'busy' },
      refunded: 1,
      params: { prompt: 'Bread', n: 1, promptExtend: true, seed: 42 },
    })
    await db.generations.put(generation)
    const el = await mount(generation.id)
    await until(el, () => text(el).includes('Failed'))
    expect(text(el)).toContain(
      'The image service is busy. Try again in a few minutes. Your credits were returned.'
    )
    const facts = text(el.shadowRoot?.querySelector('history-facts') as Element)
    expect(facts).toContain('Bread')
    expect(facts).toContain('42')
    expect(facts).toContain('1 credit spent. 1 credit returned.')
    expect(buttons(el)).toEqual(['Generate again with these settings', 'Edit', 'Delete'])
  })

  it('should cancel a request waiting on the device without asking', async () => {
    const entry = makeEntry()
    await db.outbox.put(entry)
    const el = await mount(entry.id)
    await until(el, () => text(el).includes('Waiting to send'))
    expect(buttons(el)).toEqual(['Cancel'])
    el.shadowRoot?.querySelector('history-actions')?.shadowRoot?.querySelector('button')?.click()
    await until(el, () => text(el).includes("doesn't exist"))
    expect(await db.outbox.get(entry.id)).toBeUndefined()
    expect(document.querySelector('app-dialog')).toBeNull()
  })

  it('should offer buying credits and sending again for a request refused for lack of them', async () => {
    const entry = makeRefusedEntry('OUT_OF_CREDITS')
    await db.outbox.put(entry)
    const el = await mount(entry.id)
    await until(el, () => text(el).includes('Not sent'))
    const actions = el.shadowRoot?.querySelector('history-actions')?.shadowRoot
    expect(actions?.querySelector('a')?.getAttribute('href')).toBe('/credits?workflow=ad-graphic')
    expect(buttons(el)).toEqual(['Send again', 'Edit', 'Discard'])
    actions?.querySelector('button')?.click()
    await expect.poll(async () => (await db.outbox.get(entry.id))?.state).not.toBe('rejected')
    expect((await db.outbox.get(entry.id))?.lastError).toBeUndefined()
  })

  it('should offer no purchase for a request refused for another reason', async () => {
    const entry = makeRefusedEntry('VALIDATION_FAILED')
    await db.outbox.put(entry)
    const el = await mount(entry.id)
    await until(el, () => text(el).includes('Not sent'))
    const actions = el.shadowRoot?.querySelector('history-actions')?.shadowRoot
    expect(actions?.querySelector('a')).toBeNull()
    expect(buttons(el)).toEqual(['Edit', 'Discard'])
  })
})
