import { css, html, LitElement, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { OnlineController } from '../controllers/online-controller.ts'

/** "N request(s) waiting." with the count spelled out; empty when nothing waits. */
export const waitingText = (waiting: number): string =>
  waiting > 0 ? `${waiting} ${waiting === 1 ? 'request' : 'requests'} waiting.` : ''

/**
 * The offline bar: "You're offline. N request(s) waiting." while the browser is offline, and
 * nothing while it is online. The text sits in a polite live region that is always present, so
 * screen readers announce the change when the connection drops.
 *
 * @cssproperty --app-offline-indicator-bg - Bar background. Defaults to `--app-color-offline-bg`.
 * @cssproperty --app-offline-indicator-color - Bar text colour. Defaults to `--app-color-on-offline`.
 */
@customElement('app-offline-indicator')
export class AppOfflineIndicator extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .bar {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: var(--app-space-2);
      margin: 0;
      min-height: 2.25rem;
      padding: var(--app-space-2) var(--app-space-4);
      background: var(--app-offline-indicator-bg, var(--app-color-offline-bg));
      color: var(--app-offline-indicator-color, var(--app-color-on-offline));
      font-size: var(--app-font-size-sm);
      font-weight: var(--app-font-weight-medium);
      text-align: center;
    }
    svg {
      flex: none;
      width: 1rem;
      height: 1rem;
    }
  `

  /** How many requests are waiting on this device to be sent. */
  @property({ type: Number }) waiting = 0

  private readonly _online = new OnlineController(this, { failedRequests: true })

  override render() {
    return html`<div role="status" aria-live="polite">
      ${this._online.online ? nothing : this._renderBar()}
    </div>`
  }

  private _renderBar() {
    const waiting = waitingText(this.waiting)
    return html`<p class="bar">
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2"
        stroke-linecap="round">
        <path d="M2 8.8a15 15 0 0 1 20 0M5 12.5a10 10 0 0 1 9.5-2.4M8.5 16a5 5 0 0 1 4.5-1.3M12 20h.01M3 3l18 18" />
      </svg>
      <span>You're offline.${waiting ? ` ${waiting}` : ''}</span>
    </p>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-offline-indicator': AppOfflineIndicator
  }
}
