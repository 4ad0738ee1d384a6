import { css, html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'

/**
 * An indeterminate progress bar for a running generation. It is decoration: the state label next
 * to it ("Generating…") is what assistive technology reads. Without motion it stays a still bar.
 *
 * @cssproperty --history-progress-height - Thickness of the bar. Defaults to 4px.
 */
@customElement('history-progress')
export class HistoryProgress extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: var(--history-progress-height, 4px);
      overflow: hidden;
      background: var(--app-color-primary-soft);
    }
    div {
      width: 40%;
      height: 100%;
      background: var(--app-color-primary);
    }
    @media (prefers-reduced-motion: no-preference) {
      div {
        animation: slide 1.4s var(--app-easing) infinite;
      }
    }
    @keyframes slide {
      from {
        transform: translateX(-100%);
      }
      to {
        transform: translateX(250%);
      }
    }
  `

  override render() {
    return html`<div aria-hidden="true"></div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'history-progress': HistoryProgress
  }
}
