import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { type AppUpdateState, appUpdateState, subscribeAppUpdate } from '../data/app-update.ts'

/** Keeps `state` in step with the app's update and install state while the host is connected. */
export class AppUpdateController implements ReactiveController {
  /** The latest update and install state. */
  state: AppUpdateState = appUpdateState()
  private readonly _host: ReactiveControllerHost
  private _unsubscribe: (() => void) | undefined

  constructor(host: ReactiveControllerHost) {
    this._host = host
    host.addController(this)
  }

  hostConnected(): void {
    this.state = appUpdateState()
    this._unsubscribe = subscribeAppUpdate((state) => {
      this.state = state
      this._host.requestUpdate()
    })
  }

  hostDisconnected(): void {
    this._unsubscribe?.()
    this._unsubscribe = undefined
  }
}
