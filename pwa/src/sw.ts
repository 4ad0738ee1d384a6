/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core'
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

declare let self: ServiceWorkerGlobalScope

// The app shell: index.html, JS, CSS, icons and the manifest, as listed by vite-plugin-pwa.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// Every app URL opens the cached shell. /api/* never does, and no /api response is cached here:
// Dexie is the offline copy of the data.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] })
)

// The first worker takes over at once. Later versions wait until the page sends SKIP_WAITING
// (registerType: 'prompt'), so an update never swaps code under an open form.
self.addEventListener('install', () => {
  if (!self.registration.active) void self.skipWaiting()
})
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})
clientsClaim()
