import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import './app-buy-credits.ts'
import type { AppBuyCredits } from './app-buy-credits.ts'

const mount = async (online: boolean): Promise<AppBuyCredits> => {
  const el = document.createElement('app-buy-credits')
  el.workflow = 'ad-graphic'
  el.online = online
  document.body.append(el)
  await el.updateComplete
  return el
}

const buttons = (el: AppBuyCredits): HTMLButtonElement[] => [
  ...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? []),
]

const statusText = (el: AppBuyCredits): string =>
  el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? ''

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('<app-buy-credits>', () => {
  let assign: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined)
  })
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('should offer each pack of its workflow with its credits and price', async () => {
    const el = await mount(true)
    expect(buttons(el).map((b) => b.textContent?.trim())).toEqual([
      'Buy for $5.00',
      'Buy for $19.00',
      'Buy for $59.00',
    ])
    expect(el.shadowRoot?.textContent).toContain('Ad Graphic credits')
    expect(el.shadowRoot?.textContent).toContain('200 credits')
    expect(buttons(el).every((b) => !b.disabled)).toBe(true)
  })

  it('should disable buying offline and say it needs a connection', async () => {
    const el = await mount(false)
    expect(buttons(el).every((b) => b.disabled)).toBe(true)
    const note = el.shadowRoot?.querySelector('#offline')
    expect(note?.textContent).toBe('Buying credits needs a connection.')
    expect(buttons(el)[0]?.getAttribute('aria-describedby')).toBe('offline')
  })

  it('should enable buying again when the connection is back', async () => {
    const el = await mount(false)
    el.online = true
    await el.updateComplete
    expect(buttons(el).every((b) => !b.disabled)).toBe(true)
    expect(el.shadowRoot?.querySelector('#offline')).toBeNull()
  })

  it('should open the checkout page of the chosen pack', async () => {
    const fetch = vi.fn(async () => json({ url: 'https://pay.example/cs_9', purchaseId: 'cs_9' }))
    vi.stubGlobal('fetch', fetch)
    const el = await mount(true)
    buttons(el)[1]?.click()
    await expect.poll(() => assign.mock.calls.length).toBe(1)
    expect(assign).toHaveBeenCalledWith('https://pay.example/cs_9')
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect(JSON.parse(String(init.body))).toEqual({ workflow: 'ad-graphic', pack: 'medium' })
    await el.updateComplete
    expect(statusText(el)).toBe('Opening the payment page…')
    expect(buttons(el).every((b) => b.disabled)).toBe(true)
  })

  it('should say why when the checkout could not be opened, and let the user try again', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch')))
    )
    const el = await mount(true)
    buttons(el)[0]?.click()
    await expect
      .poll(async () => {
        await el.updateComplete
        return statusText(el)
      })
      .toBe('Couldn’t reach Addreams. Check your connection and try again.')
    expect(buttons(el).every((b) => !b.disabled)).toBe(true)
    expect(assign).not.toHaveBeenCalled()
  })
})
