import { html, nothing } from 'lit'
import { credits } from '../../format.ts'

/** What the studio's action bar shows. */
export interface StudioActionBarView {
  readonly step: number
  readonly lastStep: boolean
  /** Images asked for: the credits Generate will use. */
  readonly n: number
  readonly available: number | undefined
  readonly pending: boolean
  readonly online: boolean
  readonly canGenerate: boolean
  /** Why the last Generate could not save the request; empty if it could. */
  readonly submitError: string
  readonly onBack: () => void
  readonly onNext: () => void
  readonly onGenerate: () => void
}

const primaryLabel = (view: StudioActionBarView): string => {
  if (!view.lastStep) return 'Next'
  if (view.available === 0) return 'Out of credits'
  if (view.pending) return 'Sending…'
  // Offline the same button queues the request on the device (docs/product.md §4).
  return `${view.online ? 'Generate' : 'Queue'} · ${credits(view.n)}`
}

/**
 * The sticky bar under the form: Back, then Next or, on the last step, Generate with its cost;
 * above it, the error of a Generate that could not save. Renders into the studio page's shadow root.
 */
export const renderStudioActionBar = (view: StudioActionBarView) =>
  html`<p class="error" role="alert">${view.submitError}</p>
    <div class="bar">
      ${
        view.step > 0
          ? html`<button class="button button--secondary" type="button" @click=${view.onBack}>
            Back
          </button>`
          : nothing
      }
      <button
        class="button button--primary primary"
        type="button"
        ?disabled=${view.lastStep && !view.canGenerate}
        @click=${view.lastStep ? view.onGenerate : view.onNext}
      >
        ${primaryLabel(view)}
      </button>
    </div>`
