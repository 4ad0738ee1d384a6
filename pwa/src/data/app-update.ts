import { Workbox } from 'workbox-window'
import { trustedScriptUrl } from '../trusted-script-url.ts'
import { isFlushing } from './flush-state.ts'

/** Why a requested update has not reloaded the app yet. */
export type UpdateBlocker = 'dirty-form' | 'sending'

/** What the shell shows about the app itself: a waiting update and the install offer. */
export interface AppUpdateState {
  /** A new service worker is installed and waits for `applyUpdate()`. */
  readonly updateAvailable: boolean
  /** Set while a requested update waits for a form to be saved or the queue to finish sending. */
  readonly blockedBy: UpdateBlocker | null
  /** The browser offered installation (`beforeinstallprompt`) and it has not been used yet. */
  readonly installable: boolean
  /** The app runs as an installed app (standalone display mode). */
  readonly installed: boolean
}

/** The non-standard event Chromium fires when the app can be installed. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

/** How often a blocked update checks again whether it may reload now. */
const RETRY_MS = 1000

const listeners = new Set<(state: AppUpdateState) => void>()
const dirtyForms = new Set<string>()
let workbox: Workbox | undefined
let installEvent: BeforeInstallPromptEvent | undefined
let reloadRequested = false
let retryTimer: ReturnType<typeof setTimeout> | undefined
let state: AppUpdateState = {
  updateAvailable: false,
  blockedBy: null,
  installable: false,
  installed: false,
}

const setState = (patch: Partial<AppUpdateState>): void => {
  state = { ...state, ...patch }
  for (const listener of listeners) listener(state)
}

/** The current state; `subscribeAppUpdate` reports every change. */
export const appUpdateState = (): AppUpdateState => state

/** Calls `listener` on every change of the update or install state; returns the unsubscribe. */
export const subscribeAppUpdate = (listener: (state: AppUpdateState) => void): (() => void) => {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

const blocker = (): UpdateBlocker | null => {
  if (dirtyForms.size > 0) return 'dirty-form'
  return isFlushing() ? 'sending' : null
}

const tryActivate = (): void => {
  clearTimeout(retryTimer)
  if (!reloadRequested || !workbox) return
  const blockedBy = blocker()
  setState({ blockedBy })
  if (blockedBy === 'sending') {
    // The sync engine has no "done" event; a short poll is enough for a flush that ends on its own.
    retryTimer = setTimeout(tryActivate, RETRY_MS)
    return
  }
  if (blockedBy) return
  workbox.messageSkipWaiting()
}

/**
 * Marks a form (one key per form, e.g. `studio:product-shoot`) as holding unsaved changes, or
 * not. While any form is dirty, an update waits instead of reloading over it.
 */
export const setFormDirty = (key: string, dirty: boolean): void => {
  if (dirty) dirtyForms.add(key)
  else dirtyForms.delete(key)
  if (reloadRequested) tryActivate()
}

/**
 * Activates the waiting service worker and reloads once it controls the page, but only when no
 * form is dirty and no flush is sending; until then `blockedBy` says why it waits.
 */
export const applyUpdate = (): void => {
  if (!state.updateAvailable) return
  reloadRequested = true
  tryActivate()
}

/** Shows the browser's install prompt; resolves with the user's answer. */
export const promptInstall = async (): Promise<'accepted' | 'dismissed' | 'unavailable'> => {
  const event = installEvent
  if (!event) return 'unavailable'
  installEvent = undefined
  setState({ installable: false })
  await event.prompt()
  return (await event.userChoice).outcome
}

/** Whether this is iOS Safari, where installing goes through Share → Add to Home Screen. */
export const needsIosInstallHint = (): boolean =>
  /iphone|ipad|ipod/i.test(navigator.userAgent) && !state.installed

const watchInstall = (): void => {
  const standalone = window.matchMedia('(display-mode: standalone)')
  const navigatorStandalone = (navigator as Navigator & { standalone?: boolean }).standalone
  setState({ installed: standalone.matches || navigatorStandalone === true })
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's mini-infobar away; the app offers "Install app" where it fits.
    event.preventDefault()
    installEvent = event as BeforeInstallPromptEvent
    setState({ installable: true })
  })
  window.addEventListener('appinstalled', () => {
    installEvent = undefined
    setState({ installable: false, installed: true })
  })
}

/**
 * Registers the service worker (production builds only: in `vite` dev `/sw.js` is index.html,
 * docs/stack.md §4.1) and starts listening for updates and the install offer.
 */
export const startAppUpdates = (): void => {
  watchInstall()
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  workbox = new Workbox(trustedScriptUrl('addreams-sw', '/sw.js'))
  workbox.addEventListener('waiting', () => setState({ updateAvailable: true }))
  // Workbox marks a worker found later than a minute after register() as "external", and then
  // `isUpdate` may be false; our own request to update is what decides the reload.
  workbox.addEventListener('controlling', () => {
    if (reloadRequested) window.location.reload()
  })
  void workbox.register()
}
