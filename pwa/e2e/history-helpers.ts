import type { Page } from 'playwright-core'

/**
 * Creates a generation through the real API from the page (same origin, the page's cookies), the
 * way the outbox sends one: multipart `request` JSON, optional `reference` photo, Idempotency-Key.
 * A product shoot sends `photo` (PNG bytes), or a 512 × 512 PNG drawn in the page, at `size`
 * when given (else the photo's shape). Returns the generation id.
 */
export const createGeneration = (
  page: Page,
  workflow: 'ad-graphic' | 'product-shoot',
  prompt: string,
  { photo, size }: { photo?: Buffer; size?: string } = {}
): Promise<string> =>
  page.evaluate(
    async ({ workflow, prompt, photoBase64, size }) => {
      const form = new FormData()
      const sizeParam = size ?? (workflow === 'ad-graphic' ? '1328*1328' : undefined)
      form.set('request', JSON.stringify({ workflow, prompt, n: 1, size: sizeParam }))
      if (workflow === 'product-shoot') {
        const drawn = async () => {
          const canvas = new OffscreenCanvas(512, 512)
          const context = canvas.getContext('2d')
          if (!context) throw new Error('no 2d context')
          context.fillStyle = '#3a7bd5'
          context.fillRect(0, 0, 512, 512)
          context.fillStyle = '#ffd166'
          context.fillRect(128, 128, 256, 256)
          return canvas.convertToBlob({ type: 'image/png' })
        }
        const blob = photoBase64
          ? new Blob([Uint8Array.from(atob(photoBase64), (c) => c.charCodeAt(0))], {
              type: 'image/png',
            })
          : await drawn()
        form.append('reference', blob, 'photo.png')
      }
      const res = await fetch('/api/generations', {
        method: 'POST',
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: form,
      })
      if (res.status !== 202)
        throw new Error(`POST /api/generations: ${res.status} ${await res.text()}`)
      return ((await res.json()) as { generation: { id: string } }).generation.id
    },
    { workflow, prompt, photoBase64: photo?.toString('base64'), size }
  )

/** Waits until the server has finished generation `id` (the queue runs it) and returns its status. */
export const settledStatus = async (page: Page, id: string): Promise<string> => {
  for (let i = 0; i < 240; i++) {
    const status = await page.evaluate(
      async (id) =>
        ((await (await fetch(`/api/generations/${id}`)).json()) as { status: string }).status,
      id
    )
    if (['succeeded', 'failed', 'canceled'].includes(status)) return status
    await page.waitForTimeout(250)
  }
  throw new Error(`generation ${id} did not finish`)
}

/** The number of elements in the History grid's shadow root (0 when there is no grid). */
export const gridElementCount = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const page = document.querySelector('app-root')?.shadowRoot?.querySelector('page-history')
    const grid = page?.shadowRoot?.querySelector('history-grid')
    return grid?.shadowRoot?.querySelectorAll('*').length ?? 0
  })

/** The History cards rendered now, with their position, label and thumbnail state. */
export const renderedCards = (page: Page) =>
  page.evaluate(() => {
    const page = document.querySelector('app-root')?.shadowRoot?.querySelector('page-history')
    const grid = page?.shadowRoot?.querySelector('history-grid')
    return [...(grid?.shadowRoot?.querySelectorAll('history-card') ?? [])].map((card) => {
      const img = card.shadowRoot?.querySelector('img')
      return {
        id: card.shadowRoot?.querySelector('a')?.getAttribute('href')?.split('/').pop() ?? '',
        position: Number(card.getAttribute('aria-posinset')),
        setSize: Number(card.getAttribute('aria-setsize')),
        text: card.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        thumbnailLoaded: Boolean(img?.complete && img.naturalWidth > 0),
      }
    })
  })

/**
 * Writes `count` copies of a synced generation into the app's IndexedDB, newest first after it,
 * with raw IndexedDB (no test code in the app bundle). The copies are canceled requests without
 * images, so the app has nothing to fetch for them.
 */
export const seedGenerations = (page: Page, templateId: string, count: number): Promise<void> =>
  page.evaluate(
    async ({ templateId, count }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('addreams')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      const template = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const req = db.transaction('generations').objectStore('generations').get(templateId)
        req.onsuccess = () => resolve(req.result as Record<string, unknown>)
        req.onerror = () => reject(req.error)
      })
      const tx = db.transaction('generations', 'readwrite')
      const store = tx.objectStore('generations')
      const start = Date.parse(template.createdAt as string) - 60_000
      for (let i = 0; i < count; i++) {
        const at = new Date(start - i * 60_000).toISOString()
        store.put({
          ...template,
          id: crypto.randomUUID(),
          status: 'canceled',
          refunded: template.cost,
          startedAt: null,
          finishedAt: at,
          images: [],
          references: [],
          params: { ...(template.params as object), prompt: `Seeded generation ${i + 1}` },
          createdAt: at,
          updatedAt: at,
        })
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { templateId, count }
  )
