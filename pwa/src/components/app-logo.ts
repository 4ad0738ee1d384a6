import { css, html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'

/**
 * The Addreams mark: two sparkles on the brand colour. Decorative; put the name next to it.
 *
 * @cssproperty --app-logo-size - Width and height. Defaults to 2rem.
 */
@customElement('app-logo')
export class AppLogo extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      flex: none;
      width: var(--app-logo-size, 2rem);
      height: var(--app-logo-size, 2rem);
      line-height: 0;
    }
    svg {
      width: 100%;
      height: 100%;
    }
    .tile {
      fill: var(--app-color-primary);
    }
    .big {
      fill: var(--app-color-on-primary);
    }
    .small {
      fill: var(--app-color-accent);
    }
  `

  override render() {
    return html`<svg viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <rect class="tile" width="100" height="100" rx="22" />
      <path class="big" d="M76 55Q50 60 45 86Q40 60 14 55Q40 50 45 24Q50 50 76 55Z" />
      <path class="small" d="M87 27Q76 29 74 40Q72 29 61 27Q72 25 74 14Q76 25 87 27Z" />
    </svg>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-logo': AppLogo
  }
}
