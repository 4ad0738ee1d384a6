/// <reference lib="webworker" />

import './zod-without-eval.ts'
import workerDataUrl from 'virtual:worker-data-url'
import { clientsClaim, registerQuotaErrorCallback } from 'workbox-core'
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'
import { OUTBOX_SYNC_TAG } from './data/background-sync.ts'
import { IMAGE_CACHE, IMAGE_PATH, imageCacheBudget } from './data/image-cache.ts'
import { createImageBudget } from './sw/image-budget.ts'
import { SHARE_TARGET_PATH } from './sw/share-paths.ts'
import type * as WorkerData from './sw/worker-data.ts'
import { trustedScriptUrl } from './trusted-script-url.ts'

declare let self: ServiceWorkerGlobalScope & { addreamsWorkerData?: typeof WorkerData }

/** Background Sync's event; TypeScript's webworker lib does not declare it. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string
}

// The app shell: index.html, JS, CSS, icons and the manifest, as listed by vite-plugin-pwa.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// The shell's CSP, which this worker runs under too, takes only trusted script URLs.
const dataScriptUrl = trustedScriptUrl('addreams-sw-data', workerDataUrl)

/**
 * The Dexie and sync code, evaluated on first use. Install stored the script with the worker, so
 * this works offline, and a start that only serves the shell or an image never parses it.
 */
const workerData = (): typeof WorkerData => {
  if (!self.addreamsWorkerData) importScripts(dataScriptUrl)
  if (!self.addreamsWorkerData) throw new Error(`${workerDataUrl} did not load`)
  return self.addreamsWorkerData
}

// A share's POST never reaches the network: the files go to Dexie for the studio.
registerRoute(
  ({ url, request }) => url.pathname === SHARE_TARGET_PATH && request.method === 'POST',
  ({ request }) => workerData().receiveShare(request),
  'POST'
)

// Every app URL opens the cached shell. /api/* never does, and no /api JSON is cached here:
// Dexie is the offline copy of the data.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] })
)

// A browser that will not tell its quota (estimate() missing or refused) gets the modest budget.
const quota = (): Promise<number | undefined> =>
  self.navigator.storage?.estimate().then(
    (estimate) => estimate.quota,
    () => undefined
  ) ?? Promise.resolve(undefined)
const imageBudget = createImageBudget({
  cacheName: IMAGE_CACHE,
  budget: async () => imageCacheBudget(await quota()),
})
// Images can always be fetched again; the outbox's photos cannot.
registerQuotaErrorCallback(() => caches.delete(IMAGE_CACHE))

// Image bytes never change for a generation, so the cache answers first. Only 200s are kept
// (never an error page), and the least recently viewed go once the byte budget is full.
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    IMAGE_PATH.test(url.pathname),
  new CacheFirst({
    cacheName: IMAGE_CACHE,
    plugins: [
      { cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null) },
      imageBudget.plugin,
    ],
  })
)

// Chromium wakes the worker when it is back online with requests queued.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent
  if (sync.tag !== OUTBOX_SYNC_TAG) return
  sync.waitUntil(workerData().syncOutbox())
})

// importScripts() fetches only while the worker installs, and later calls read what it stored
// then; so a worker that cannot store its data code does not install, and the old one stays.
// The first worker takes over at once. Later versions wait until the page sends SKIP_WAITING
// (registerType: 'prompt'), so an update never swaps code under an open form.
self.addEventListener('install', (event) => {
  try {
    importScripts(dataScriptUrl)
  } catch (error) {
    event.waitUntil(Promise.reject(error))
    return
  }
  if (!self.registration.active) void self.skipWaiting()
})
// Images cached by a worker from before the size index get sized once, here.
self.addEventListener('activate', (event) => event.waitUntil(imageBudget.reconcile()))
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})
clientsClaim()
