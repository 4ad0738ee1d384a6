import { Dexie } from 'dexie'
import { ApiClientError } from './api.ts'
import { markSessionExpired } from './auth-state.ts'
import { registerBackgroundSync } from './background-sync.ts'
import { connectionLost } from './connection.ts'
import { db } from './db.ts'
import { setFlushing } from './flush-state.ts'
import { checkSentinel, pullChanges } from './sync-pull.ts'
import { pushOutbox } from './sync-push.ts'
import { fillMissingThumbnails } from './thumbnails.ts'
import { FLUSH_LOCK, withWebLock } from './web-lock.ts'

/** What one flush did. */
export interface FlushResult {
  pushed: number
  pulled: number
  /** Set when the flush stopped early (offline, 401, server trouble). */
  stoppedBy?: 'network' | 'unauthenticated' | 'server' | 'locked'
}

/** Timer while something is on its way, for live progress on cards. */
const BUSY_INTERVAL_MS = 3_000
/** Timer otherwise, to pick up changes made on other devices. */
const IDLE_INTERVAL_MS = 30_000

const pull = async (pushed: number): Promise<FlushResult> => {
  try {
    return { pushed, pulled: await pullChanges() }
  } catch (caught) {
    const code = caught instanceof ApiClientError ? caught.code : 'INTERNAL'
    if (code === 'UNAUTHENTICATED') {
      await markSessionExpired()
      return { pushed, pulled: 0, stoppedBy: 'unauthenticated' }
    }
    await db.meta.put({ key: 'lastSyncError', value: code })
    return { pushed, pulled: 0, stoppedBy: code === 'NETWORK' ? 'network' : 'server' }
  }
}

const runFlush = async (): Promise<FlushResult> => {
  const authState = (await db.meta.get('authState'))?.value
  if (authState !== 'signed-in') {
    return {
      pushed: 0,
      pulled: 0,
      stoppedBy: authState === 'expired' ? 'unauthenticated' : undefined,
    }
  }
  await checkSentinel()
  const push = await pushOutbox()
  if (push.stoppedBy) return { pushed: push.pushed, pulled: 0, stoppedBy: push.stoppedBy }
  return pull(push.pushed)
}

let current: Promise<FlushResult> | undefined
let again = false
let lastFlushAt = 0

/**
 * Pushes the outbox, then pulls by cursor. One flush at a time across tabs and the service worker
 * (a Web Lock); a call while another flush runs waits for it instead of starting a second one.
 */
export const flush = (): Promise<FlushResult> => {
  if (current) return current
  lastFlushAt = Date.now()
  setFlushing(true)
  current = withWebLock(FLUSH_LOCK, runFlush).finally(() => {
    current = undefined
    setFlushing(false)
    void fillMissingThumbnails().catch(() => undefined)
    if (again) {
      again = false
      requestFlush()
    }
  })
  return current
}

/**
 * Flushes soon without waiting for it. A request made while a flush runs gets a fresh flush once
 * that one ends, since the running one may have read the outbox before the new entry.
 */
export const requestFlush = (): void => {
  if (current) {
    again = true
    return
  }
  void flush().catch(() => undefined)
}

/** The connection is back: requests that failed only for lack of one need not wait out their backoff. */
const retryNow = async (): Promise<void> => {
  await db.outbox
    .where('state')
    .equals('waiting')
    .filter((entry) => entry.lastError?.code === 'NETWORK')
    .modify({ nextAttemptAt: 0 })
}

/**
 * A flush for when the connection is back where no page is there to see `online` (Background
 * Sync wakes the service worker): requests that failed for lack of one go out at once.
 */
export const flushReconnected = async (): Promise<FlushResult> => {
  await retryNow()
  return flush()
}

/** Whether anything is on its way: a request on the device, or a generation still working. */
const busy = async (): Promise<boolean> => {
  const inStatus = (status: string) =>
    db.generations
      .where('[status+createdAt]')
      .between([status, Dexie.minKey], [status, Dexie.maxKey])
      .count()
  const [waiting, queued, running] = await Promise.all([
    db.outbox.where('state').anyOf('waiting', 'sending').count(),
    inStatus('queued'),
    inStatus('running'),
  ])
  return waiting + queued + running > 0
}

/**
 * Starts the triggers of docs/architecture.md §7: now, `online`, visibility, `pageshow`, a timer
 * while open, and Background Sync registration. Returns a function that stops them.
 */
export const startSync = (): (() => void) => {
  const onVisible = () => {
    if (document.visibilityState === 'visible') requestFlush()
  }
  const onOnline = () => {
    void retryNow().finally(requestFlush)
  }
  // A short tick that flushes only when something is on its way, the last request found no
  // network, or the idle interval has passed: a request made between ticks gets live progress,
  // and the offline bar goes soon after a connection that `online` did not announce comes back.
  const timer = setInterval(() => {
    if (!navigator.onLine) return
    void busy()
      .catch(() => false)
      .then((active) => {
        if (active || connectionLost() || Date.now() - lastFlushAt >= IDLE_INTERVAL_MS) {
          requestFlush()
        }
      })
  }, BUSY_INTERVAL_MS)
  window.addEventListener('online', onOnline)
  window.addEventListener('pageshow', requestFlush)
  document.addEventListener('visibilitychange', onVisible)
  requestFlush()
  registerBackgroundSync()
  return () => {
    clearInterval(timer)
    window.removeEventListener('online', onOnline)
    window.removeEventListener('pageshow', requestFlush)
    document.removeEventListener('visibilitychange', onVisible)
  }
}
