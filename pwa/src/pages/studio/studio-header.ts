import { html, nothing } from 'lit'
import { credits, formatDateTime } from '../../format.ts'
import { CREDIT_NOUN } from '../../studio/validate.ts'
import { buyCreditsPath, type Workflow } from '../../workflows.ts'

/** What the studio header shows. */
export interface StudioHeaderView {
  readonly workflow: Workflow
  readonly name: string
  /** "Step N of 3", or "Result" once a request was sent. */
  readonly position: string
  /** What this workflow may still spend; undefined before the server ever sent a balance. */
  readonly available: number | undefined
  /** When the server last sent the balance; shown with it while offline. */
  readonly balanceAt: string | undefined
  readonly online: boolean
  /** The user's email is not verified yet: the free credits come with verification. */
  readonly unverified: boolean
  /** Undefined on the result view, which has its own "New request". */
  readonly onStartOver: (() => void) | undefined
}

const outOfCredits = (workflow: Workflow, noun: string, unverified: boolean) =>
  unverified
    ? html`<div class="banner" role="status">
        <p><strong>Verify your email to get your free credits.</strong></p>
        <p>Open the link we emailed you. Your draft is kept meanwhile.</p>
      </div>`
    : html`<div class="banner" role="status">
        <p><strong>You're out of ${noun} credits.</strong></p>
        <p>Generating is paused until credits are added to your account.</p>
        <p><a href=${buyCreditsPath(workflow)}>Buy ${noun} credits</a></p>
      </div>`

/**
 * The studio's header (name, position, balance, "Start over") and, at 0 credits, the
 * out-of-credits banner (docs/product.md §7), which for an unverified user says that verifying
 * gives the free credits. Renders into the studio page's shadow root, whose styles lay it out.
 */
export const renderStudioHeader = (view: StudioHeaderView) => {
  const { available, balanceAt } = view
  const noun = CREDIT_NOUN[view.workflow]
  let balance = ''
  if (available !== undefined) {
    balance =
      view.online || !balanceAt
        ? credits(available)
        : `${credits(available)} (as of ${formatDateTime(balanceAt)})`
  }
  return html`<header>
      <h1>${view.name}</h1>
      <div class="meta">
        <p>${view.position}</p>
        <p>${balance}</p>
        ${
          view.onStartOver
            ? html`<button class="link-button" type="button" @click=${view.onStartOver}>Start over</button>`
            : nothing
        }
      </div>
      ${available === 1 ? html`<p>You have 1 ${noun} credit left.</p>` : nothing}
    </header>
    ${available === 0 ? outOfCredits(view.workflow, noun, view.unverified) : nothing}`
}
