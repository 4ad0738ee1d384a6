/** The Background Sync tag the service worker flushes on. */
export const OUTBOX_SYNC_TAG = 'addreams-outbox'

interface SyncManagerLike {
  register(tag: string): Promise<void>
}

/**
 * Asks the browser to wake the service worker for a flush once it is online. Only Chromium has
 * Background Sync; elsewhere the page's own triggers do the work.
 */
export const registerBackgroundSync = (): void => {
  const container = (globalThis.navigator as Navigator | undefined)?.serviceWorker
  if (!container) return
  void container.ready
    .then((reg) =>
      (reg as ServiceWorkerRegistration & { sync?: SyncManagerLike }).sync?.register(
        OUTBOX_SYNC_TAG
      )
    )
    .catch(() => undefined)
}
