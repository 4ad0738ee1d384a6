import { css, html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import '../components/app-illustration.ts'
import '../components/app-install-button.ts'
import '../components/app-logo.ts'
import { buttonBase, focusRing, pageStyles } from '../styles/shared.ts'
import { WORKFLOWS, type Workflow } from '../workflows.ts'

const STEPS = [
  {
    title: 'Add a photo or an idea',
    text: 'Snap your product, or describe the ad you have in mind.',
  },
  {
    title: 'Choose a style',
    text: 'Pick a use case, a size and a look: studio, lifestyle, seasonal.',
  },
  { title: 'Get images', text: 'Your images arrive in History, ready to download and share.' },
] as const

const CARDS: readonly Workflow[] = ['product-shoot', 'ad-graphic']

/** `/`: what Addreams does, the two workflows, how it works, and the way in. */
@customElement('page-landing')
export class PageLanding extends LitElement {
  static override styles = [
    pageStyles,
    buttonBase,
    focusRing,
    css`
      :host {
        padding-top: var(--app-space-5);
      }
      section {
        margin-bottom: var(--app-space-8);
      }
      h1 {
        font-size: var(--app-font-size-3xl);
        letter-spacing: -0.025em;
        text-wrap: balance;
      }
      h2 {
        margin: 0 0 var(--app-space-5);
        font-size: var(--app-font-size-2xl);
        letter-spacing: -0.01em;
      }
      h3 {
        margin: 0 0 var(--app-space-2);
        font-size: var(--app-font-size-lg);
      }
      .hero {
        display: grid;
        gap: var(--app-space-6);
        align-items: center;
      }
      .eyebrow {
        margin-bottom: var(--app-space-3);
        color: var(--app-color-accent-text);
        font-size: var(--app-font-size-sm);
        font-weight: var(--app-font-weight-bold);
        letter-spacing: 0.08em;
        text-transform: uppercase;
      }
      .hero .lead {
        margin-bottom: var(--app-space-5);
      }
      .hero app-illustration {
        max-width: 22rem;
        margin: 0 auto;
        width: 100%;
      }
      .cards,
      .steps {
        display: grid;
        gap: var(--app-space-4);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .card {
        display: flex;
        flex-direction: column;
        padding: var(--app-space-4);
        border: 1px solid var(--app-color-border);
        border-radius: var(--app-radius-lg);
        background: var(--app-color-surface);
        box-shadow: var(--app-shadow-sm);
      }
      .card app-illustration {
        width: 100%;
        max-width: 20rem;
        margin-bottom: var(--app-space-4);
      }
      .card p {
        flex: 1;
        color: var(--app-color-text-muted);
      }
      .card .button {
        align-self: flex-start;
      }
      .steps li {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: var(--app-space-1) var(--app-space-4);
      }
      .steps p {
        grid-column: 2;
        margin: 0;
        color: var(--app-color-text-muted);
      }
      .num {
        display: grid;
        grid-row: span 2;
        place-items: center;
        width: 2.5rem;
        height: 2.5rem;
        border-radius: 50%;
        background: var(--app-color-primary-soft);
        color: var(--app-color-primary);
        font-weight: var(--app-font-weight-bold);
      }
      .offline {
        display: flex;
        gap: var(--app-space-4);
        padding: var(--app-space-5);
        border-radius: var(--app-radius-lg);
        background: var(--app-color-surface-2);
      }
      .offline h2 {
        margin-bottom: var(--app-space-2);
        font-size: var(--app-font-size-xl);
      }
      .offline p {
        margin: 0 0 var(--app-space-3);
        color: var(--app-color-text-muted);
      }
      .offline svg {
        flex: none;
        width: 2rem;
        height: 2rem;
        fill: none;
        stroke: var(--app-color-primary);
        stroke-width: 1.75;
        stroke-linecap: round;
        stroke-linejoin: round;
      }
      footer {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--app-space-2) var(--app-space-4);
        padding-top: var(--app-space-5);
        border-top: 1px solid var(--app-color-border);
        color: var(--app-color-text-muted);
        font-size: var(--app-font-size-sm);
        --app-logo-size: 1.5rem;
      }
      footer strong {
        color: var(--app-color-text);
      }
      footer nav {
        display: flex;
        gap: var(--app-space-2);
      }
      footer nav a {
        display: inline-flex;
        align-items: center;
        min-height: var(--app-touch-target);
        padding: 0 var(--app-space-2);
      }
      @media (min-width: 48em) {
        :host {
          padding-top: var(--app-space-7);
        }
        .hero {
          grid-template-columns: 1.1fr 1fr;
        }
        .cards,
        .steps {
          grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        }
        .cards {
          gap: var(--app-space-5);
        }
        .steps li {
          grid-template-columns: 1fr;
        }
        .steps p {
          grid-column: 1;
        }
        .num {
          grid-row: auto;
          margin-bottom: var(--app-space-2);
        }
      }
    `,
  ]

  override render() {
    return html`
      <section class="hero">
        <div>
          <p class="eyebrow">Your phone is the studio</p>
          <h1>Studio-quality product shots and ads, straight from your phone.</h1>
          <p class="lead">
            Addreams turns a quick photo of your product into polished, staged scenes, and a
            sentence into a ready-to-post ad graphic.
          </p>
          <div class="actions">
            <a class="button button--primary" href="/sign-up">Get started</a>
            <a class="button button--secondary" href="/sign-in">Sign in</a>
          </div>
        </div>
        <app-illustration name="hero"></app-illustration>
      </section>

      <section aria-labelledby="workflows">
        <h2 id="workflows">Two ways to create</h2>
        <ul class="cards">
          ${CARDS.map((id) => {
            const { name, description, path } = WORKFLOWS[id]
            return html`<li class="card">
              <app-illustration name=${id}></app-illustration>
              <h3>${name}</h3>
              <p>${description}</p>
              <a class="button button--secondary" href=${path}>Try ${name}</a>
            </li>`
          })}
        </ul>
      </section>

      <section aria-labelledby="how">
        <h2 id="how">How it works</h2>
        <ol class="steps">
          ${STEPS.map(
            (step, i) => html`<li>
              <span class="num" aria-hidden="true">${i + 1}</span>
              <h3>${step.title}</h3>
              <p>${step.text}</p>
            </li>`
          )}
        </ol>
      </section>

      <section class="offline" aria-labelledby="offline">
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M2 8.8a15 15 0 0 1 20 0M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0M12 20h.01" />
        </svg>
        <div>
          <h2 id="offline">Works without a signal</h2>
          <p>
            Addreams is an app you can install. Once it has loaded, it opens offline, and requests
            you make without a connection wait on your device until you're back online.
          </p>
          <app-install-button ios-hint></app-install-button>
        </div>
      </section>

      <footer>
        <app-logo></app-logo>
        <strong>Addreams</strong>
        <span>Product shots and ad graphics, made with Qwen image models.</span>
        <span>Version ${__APP_VERSION__}</span>
        <nav aria-label="Legal">
          <a href="/privacy">Privacy</a>
          <a href="/terms">Terms</a>
        </nav>
      </footer>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-landing': PageLanding
  }
}
