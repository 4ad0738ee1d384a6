import type { LedgerEntry, LedgerPage } from '@app/shared-types'
import { afterEach, describe, expect, it, vi } from 'vitest'
import './app-credit-history.ts'
import type { AppCreditHistory } from './app-credit-history.ts'

const entry = (id: string, delta: number): LedgerEntry => ({
  id,
  workflow: 'product-shoot',
  delta,
  reason: delta > 0 ? 'welcome' : 'generation',
  generationId: null,
  note: null,
  createdAt: '2026-11-20T09:30:00.000Z',
})

const page = (body: LedgerPage): Response =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

const text = (el: AppCreditHistory): string =>
  (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim()

const button = (el: AppCreditHistory) => el.shadowRoot?.querySelector('button')

/** Answers the ledger calls in turn; an Error answer is a failed fetch. */
const serve = (answers: (LedgerPage | Error)[]) => {
  const seen: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      seen.push(String(input))
      const answer = answers.shift()
      if (!answer || answer instanceof Error) throw answer ?? new Error('no more answers')
      return page(answer)
    })
  )
  return seen
}

const mount = (online = true): AppCreditHistory => {
  const el = document.createElement('app-credit-history')
  el.online = online
  document.body.append(el)
  return el
}

describe('<app-credit-history>', () => {
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it('should show the first page, then append the next one on "Load more"', async () => {
    const seen = serve([
      { items: [entry('a', 3)], nextCursor: 'c1' },
      { items: [entry('b', -1)], nextCursor: null },
    ])
    const el = mount()
    await expect.poll(() => text(el)).toContain('Welcome credit')
    expect(button(el)?.textContent?.trim()).toBe('Load more')
    button(el)?.click()
    await expect.poll(() => text(el)).toContain('Generation')
    expect(text(el)).toContain('+3')
    expect(text(el)).toContain('−1')
    expect(button(el)).toBeNull()
    expect(new URL(seen[1] ?? '', 'http://x').searchParams.get('cursor')).toBe('c1')
  })

  it('should say so and offer Retry when a page fails, and keep what it showed', async () => {
    serve([new TypeError('offline'), { items: [entry('a', 3)], nextCursor: null }])
    const el = mount()
    await expect.poll(() => text(el)).toContain("Couldn't load your credit history.")
    expect(button(el)?.textContent?.trim()).toBe('Retry')
    button(el)?.click()
    await expect.poll(() => text(el)).toContain('Welcome credit')
    expect(text(el)).not.toContain("Couldn't load")
  })

  it('should say it needs a connection offline, and load once the device is online', async () => {
    serve([{ items: [], nextCursor: null }])
    const el = mount(false)
    await expect.poll(() => text(el)).toContain('Needs a connection')
    expect(fetch).not.toHaveBeenCalled()
    el.online = true
    await expect.poll(() => text(el)).toContain('No credit activity yet.')
    expect(text(el)).not.toContain('Needs a connection')
  })
})
