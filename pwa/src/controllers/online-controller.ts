import type { ReactiveController, ReactiveControllerHost } from 'lit'

/**
 * Tracks `navigator.onLine` while the host is connected and re-renders the host when it changes.
 *
 * `navigator.onLine` only says whether there is a network interface; a request can still fail
 * while it reads `true`, so callers must still handle network errors.
 */
export class OnlineController implements ReactiveController {
  /** Whether the browser currently reports a network connection. */
  online = navigator.onLine
  private readonly _host: ReactiveControllerHost

  constructor(host: ReactiveControllerHost) {
    this._host = host
    host.addController(this)
  }

  hostConnected(): void {
    window.addEventListener('online', this._onChange)
    window.addEventListener('offline', this._onChange)
    this._onChange()
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this._onChange)
    window.removeEventListener('offline', this._onChange)
  }

  private readonly _onChange = (): void => {
    if (this.online === navigator.onLine) return
    this.online = navigator.onLine
    this._host.requestUpdate()
  }
}
