import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '../data/db.ts'
import './history-sync-status.ts'

const mount = async () => {
  const el = document.createElement('history-sync-status')
  document.body.append(el)
  await el.updateComplete
  return el
}

const status = (el: HTMLElement) => el.shadowRoot?.querySelector<HTMLElement>('[role="status"]')
const text = (el: HTMLElement) => (status(el)?.textContent ?? '').replace(/\s+/g, ' ').trim()

describe('<history-sync-status>', () => {
  beforeEach(async () => {
    await db.meta.clear()
  })
  afterEach(() => {
    document.body.replaceChildren()
  })

  it('should say how far a catch-up is in a status region, and follow it', async () => {
    await db.meta.put({ key: 'syncProgress', value: { done: 2_000, total: 10_000 } })
    const el = await mount()
    await expect.poll(() => text(el)).toBe('Syncing 2,000 of 10,000 generations…')
    const bar = el.shadowRoot?.querySelector('progress')
    expect(bar?.getAttribute('aria-hidden')).toBe('true')
    expect(bar?.value).toBe(2_000)
    expect(bar?.max).toBe(10_000)
    await db.meta.put({ key: 'syncProgress', value: { done: 3_000, total: 10_000 } })
    await expect.poll(() => text(el)).toBe('Syncing 3,000 of 10,000 generations…')
  })

  it('should keep its status region empty when no catch-up runs', async () => {
    const el = await mount()
    await db.meta.put({ key: 'syncProgress', value: { done: 100, total: 1_500 } })
    await expect.poll(() => text(el)).toContain('100 of 1,500')
    await db.meta.delete('syncProgress')
    await expect.poll(() => text(el)).toBe('')
    expect(status(el)).not.toBeNull()
    expect(el.shadowRoot?.querySelector('progress')).toBeNull()
  })
})
