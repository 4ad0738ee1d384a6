import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../data/db.ts'
import { makeEntry } from '../data/testing/make-entry.ts'
import type { PageSettings } from './page-settings.ts'
import './page-settings.ts'

const deepText = (root: ParentNode | null | undefined): string =>
  [...(root?.childNodes ?? [])]
    .map((node) =>
      node instanceof Element
        ? `${deepText(node)} ${deepText(node.shadowRoot)}`
        : node.nodeType === Node.TEXT_NODE
          ? (node.textContent ?? '')
          : ''
    )
    .join(' ')

const text = (el: Element) => deepText(el.shadowRoot).replace(/\s+/g, ' ').trim()

const until = async (el: PageSettings, check: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !check(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    await el.updateComplete
  }
}

const mount = async (): Promise<PageSettings> => {
  const el = document.createElement('page-settings')
  document.body.append(el)
  await el.updateComplete
  return el
}

const button = (el: PageSettings, label: string) =>
  [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (b) => b.textContent?.trim() === label
  )

/** Answers the open confirm dialog with its confirm button. */
const confirmOpenDialog = async (): Promise<void> => {
  for (let i = 0; i < 50 && !document.querySelector('app-dialog'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  const dialog = document.querySelector('app-dialog')
  await dialog?.updateComplete
  dialog?.shadowRoot?.querySelector<HTMLButtonElement>('button[value="confirm"]')?.click()
}

describe('<page-settings>', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it('should say when the browser gives no storage information, and show the version', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined })
    const el = await mount()
    await until(el, () => text(el).includes("isn't available"))
    expect(text(el)).toContain("Storage information isn't available in this browser.")
    expect(text(el)).toContain(`Version ${__APP_VERSION__}`)
  })

  it('should show the estimate and offer to keep the data when it is not persistent', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      storage: {
        estimate: async () => ({ usage: 2_500_000, quota: 1_000_000_000 }),
        persisted: async () => false,
        persist: async () => true,
      },
    })
    const el = await mount()
    await until(el, () => text(el).includes('Using'))
    expect(text(el)).toContain('Using 2.5 MB of 1.0 GB')
    expect(text(el)).toContain('Keep my data on this device')
  })

  it('should count waiting requests and cancel them all after a confirm', async () => {
    await db.outbox.bulkPut([makeEntry(), makeEntry()])
    const el = await mount()
    await until(el, () => text(el).includes('2 requests are waiting'))
    expect(text(el)).toContain('2 requests are waiting on this device.')
    button(el, 'Cancel all waiting')?.click()
    await confirmOpenDialog()
    await until(el, () => text(el).includes('No requests are waiting'))
    expect(await db.outbox.count()).toBe(0)
  })

  it('should discard both drafts after a confirm', async () => {
    const draft = { fields: {}, photos: [], updatedAt: new Date().toISOString() }
    await db.drafts.bulkPut([
      { workflow: 'ad-graphic', ...draft },
      { workflow: 'product-shoot', ...draft },
    ])
    const el = await mount()
    button(el, 'Discard drafts')?.click()
    await confirmOpenDialog()
    await until(el, () => text(el).includes('Drafts discarded.'))
    expect(await db.drafts.count()).toBe(0)
  })
})
