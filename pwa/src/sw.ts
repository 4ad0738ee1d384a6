/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core'
import { ExpirationPlugin } from 'workbox-expiration'
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'
import { OUTBOX_SYNC_TAG } from './data/background-sync.ts'
import { IMAGE_CACHE, IMAGE_CACHE_MAX_ENTRIES, IMAGE_PATH } from './data/image-cache.ts'
import { flush } from './data/sync-engine.ts'
import { registerShareTarget } from './sw/share-target.ts'

declare let self: ServiceWorkerGlobalScope

/** Background Sync's event; TypeScript's webworker lib does not declare it. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string
}

// The app shell: index.html, JS, CSS, icons and the manifest, as listed by vite-plugin-pwa.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

registerShareTarget()

// Every app URL opens the cached shell. /api/* never does, and no /api JSON is cached here:
// Dexie is the offline copy of the data.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] })
)

// Image bytes never change for a generation, so the cache answers first. Only 200s are kept
// (never an error page), and the least recently viewed go once the budget is full.
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    IMAGE_PATH.test(url.pathname),
  new CacheFirst({
    cacheName: IMAGE_CACHE,
    plugins: [
      { cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null) },
      new ExpirationPlugin({ maxEntries: IMAGE_CACHE_MAX_ENTRIES, purgeOnQuotaError: true }),
    ],
  })
)

// Chromium wakes the worker when it is back online with requests queued; a throw asks it to retry.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent
  if (sync.tag !== OUTBOX_SYNC_TAG) return
  sync.waitUntil(
    flush().then((result) => {
      if (result.stoppedBy === 'network') throw new Error('Still offline')
    })
  )
})

// The first worker takes over at once. Later versions wait until the page sends SKIP_WAITING
// (registerType: 'prompt'), so an update never swaps code under an open form.
self.addEventListener('install', () => {
  if (!self.registration.active) void self.skipWaiting()
})
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})
clientsClaim()
