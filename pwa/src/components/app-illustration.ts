import { css, html, LitElement, svg } from 'lit'
import { customElement, property } from 'lit/decorators.js'

/** Which picture to draw. */
export type IllustrationName = 'hero' | 'product-shoot' | 'ad-graphic'

/** A product bottle centred on (0, 0), about 52 × 104 units. */
const bottle = svg`
  <rect class="cap" x="-9" y="-52" width="18" height="14" rx="3" />
  <rect class="neck" x="-6" y="-40" width="12" height="8" />
  <rect class="body" x="-26" y="-34" width="52" height="66" rx="12" />
  <rect class="label" x="-16" y="-10" width="32" height="18" rx="3" />
`

const sparkle = (x: number, y: number, r: number) => {
  const k = r * 0.16
  return svg`<path class="sparkle" d="M${x + r} ${y}Q${x + k} ${y + k} ${x} ${y + r}Q${x - k} ${y + k} ${x - r} ${y}Q${x - k} ${y - k} ${x} ${y - r}Q${x + k} ${y - k} ${x + r} ${y}Z" />`
}

const scene = svg`
  <defs>
    <linearGradient id="scene" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" class="stop-a" />
      <stop offset="1" class="stop-b" />
    </linearGradient>
  </defs>
`

const PICTURES: Record<IllustrationName, { viewBox: string; content: ReturnType<typeof svg> }> = {
  hero: {
    viewBox: '0 0 320 260',
    content: svg`${scene}
      <g transform="rotate(-6 80 130)">
        <rect class="before" x="14" y="40" width="132" height="170" rx="16" />
        <g class="plain" transform="translate(80 128) scale(0.85)">${bottle}</g>
        <text class="tag" x="30" y="196">Before</text>
      </g>
      <g transform="rotate(4 220 130)">
        <rect class="after shadow" x="130" y="20" width="170" height="220" rx="20" />
        <ellipse class="podium" cx="215" cy="186" rx="58" ry="12" />
        <g class="styled" transform="translate(215 130)">${bottle}</g>
        ${sparkle(268, 62, 14)} ${sparkle(160, 90, 8)} ${sparkle(276, 150, 6)}
        <text class="tag on-scene" x="148" y="224">After</text>
      </g>`,
  },
  'product-shoot': {
    viewBox: '0 0 280 130',
    content: svg`${scene}
      <rect class="before" x="8" y="10" width="110" height="110" rx="14" />
      <g class="plain" transform="translate(63 66) scale(0.75)">${bottle}</g>
      <path class="arrow" d="M128 65h24m-8-8 8 8-8 8" />
      <rect class="after" x="162" y="10" width="110" height="110" rx="14" />
      <ellipse class="podium" cx="217" cy="100" rx="36" ry="7" />
      <g class="styled" transform="translate(217 66) scale(0.75)">${bottle}</g>
      ${sparkle(252, 32, 9)}`,
  },
  'ad-graphic': {
    viewBox: '0 0 280 130',
    content: svg`${scene}
      <rect class="before" x="8" y="26" width="110" height="78" rx="14" />
      <rect class="line" x="22" y="44" width="82" height="8" rx="4" />
      <rect class="line" x="22" y="60" width="66" height="8" rx="4" />
      <rect class="line" x="22" y="76" width="74" height="8" rx="4" />
      <path class="arrow" d="M128 65h24m-8-8 8 8-8 8" />
      <rect class="after" x="162" y="10" width="110" height="110" rx="14" />
      <rect class="headline" x="176" y="26" width="70" height="10" rx="5" />
      <rect class="headline" x="176" y="42" width="48" height="10" rx="5" />
      <circle class="podium" cx="236" cy="88" r="22" />
      <rect class="cta" x="176" y="94" width="38" height="14" rx="7" />
      ${sparkle(254, 30, 8)}`,
  },
}

/**
 * A decorative before/after picture for the landing page. Hidden from assistive technology; the
 * text around it says what it shows.
 */
@customElement('app-illustration')
export class AppIllustration extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      overflow: visible;
    }
    .stop-a {
      stop-color: var(--app-color-primary);
    }
    .stop-b {
      stop-color: var(--app-color-accent);
    }
    .before {
      fill: var(--app-color-surface-2);
      stroke: var(--app-color-border);
    }
    .after {
      fill: url(#scene);
    }
    .shadow {
      filter: drop-shadow(0 12px 18px rgb(0 0 0 / 0.18));
    }
    .plain .cap,
    .plain .neck,
    .plain .body {
      fill: var(--app-color-text-muted);
      opacity: 0.45;
    }
    .plain .label,
    .line {
      fill: var(--app-color-border);
    }
    .styled .cap,
    .styled .neck {
      fill: var(--app-color-on-accent);
    }
    .styled .body,
    .headline,
    .cta {
      fill: var(--app-color-surface);
    }
    .styled .label {
      fill: var(--app-color-accent);
    }
    .podium {
      fill: var(--app-color-surface);
      opacity: 0.35;
    }
    .sparkle {
      fill: var(--app-color-surface);
    }
    .arrow {
      fill: none;
      stroke: var(--app-color-text-muted);
      stroke-width: 3;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .tag {
      fill: var(--app-color-text-muted);
      font: 600 12px var(--app-font-sans);
      letter-spacing: 0.06em;
      text-transform: uppercase;
    }
    .tag.on-scene {
      fill: var(--app-color-surface);
    }
  `

  /** Which picture to draw. */
  @property() name: IllustrationName = 'hero'

  override render() {
    const picture = PICTURES[this.name]
    return html`<svg viewBox=${picture.viewBox} aria-hidden="true" focusable="false">
      ${picture.content}
    </svg>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-illustration': AppIllustration
  }
}
