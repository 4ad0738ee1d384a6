import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { connectionLost, onConnectionChange } from '../data/connection.ts'

/** Which signals count as being online. */
export interface OnlineOptions {
  /**
   * Also count as offline while the app's requests fail for lack of a network (`connection.ts`),
   * which `navigator.onLine` does not always notice. For what only reports the connection (the
   * offline bar, History's notice); a control that needs the network keeps to `navigator.onLine`,
   * so it stays usable for the request that finds the connection back.
   */
  failedRequests?: boolean
}

/**
 * Tracks `navigator.onLine` (and, if asked, whether requests fail for lack of a network) while the
 * host is connected, and re-renders the host when it changes.
 *
 * `navigator.onLine` only says whether there is a network interface; a request can still fail
 * while it reads `true`, so callers must still handle network errors.
 */
export class OnlineController implements ReactiveController {
  /** Whether the browser reports a network connection (and requests get through, if asked). */
  online: boolean
  private readonly _host: ReactiveControllerHost
  private readonly _failedRequests: boolean
  private _stopWatching: (() => void) | undefined

  constructor(host: ReactiveControllerHost, options: OnlineOptions = {}) {
    this._host = host
    this._failedRequests = options.failedRequests ?? false
    this.online = this._read()
    host.addController(this)
  }

  hostConnected(): void {
    window.addEventListener('online', this._onChange)
    window.addEventListener('offline', this._onChange)
    if (this._failedRequests) this._stopWatching = onConnectionChange(this._onChange)
    this._onChange()
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this._onChange)
    window.removeEventListener('offline', this._onChange)
    this._stopWatching?.()
    this._stopWatching = undefined
  }

  private _read(): boolean {
    return navigator.onLine && !(this._failedRequests && connectionLost())
  }

  private readonly _onChange = (): void => {
    const online = this._read()
    if (this.online === online) return
    this.online = online
    this._host.requestUpdate()
  }
}
