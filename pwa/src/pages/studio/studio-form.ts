import { html, nothing } from 'lit'
import type { AppStudioStepEvent } from '../../events.ts'
import { workflowModel } from '../../studio/fields.ts'
import { buildRequest } from '../../studio/request.ts'
import { sizeChoices, sizeLabel } from '../../studio/sizes.ts'
import { type FieldErrors, firstStepWithError, STEP_NAMES } from '../../studio/validate.ts'
import { renderStudioActionBar, type StudioActionBarView } from './studio-action-bar.ts'
import { renderAdFormat, renderAdPrompt } from './studio-ad-steps.ts'
import './studio-review.ts'
import {
  renderShootDirection,
  renderShootPhotos,
  renderShootSettings,
} from './studio-shoot-steps.ts'
import type { StudioStepView } from './studio-step-view.ts'
import './studio-stepper.ts'

/** Where the user is in the form. */
export interface StudioFormNav {
  readonly step: number
  readonly errors: FieldErrors
  readonly onStep: (event: AppStudioStepEvent) => void
}

/**
 * The studio's three-step form: the stepper, the current step under its focusable title, and the
 * action bar. Renders into the studio page's shadow root.
 */
export const renderStudioForm = (
  view: StudioStepView,
  nav: StudioFormNav,
  bar: StudioActionBarView
) => {
  const steps = STEP_NAMES[view.workflow]
  const failing = firstStepWithError(view.workflow, nav.errors)
  // The stepper may jump ahead only up to the first step with an error.
  const reachable = failing === -1 ? steps.length - 1 : Math.min(failing, steps.length - 1)
  return html`<studio-stepper
      .steps=${steps}
      .current=${nav.step}
      .reachable=${Math.max(reachable, nav.step)}
      @app-studio-step=${nav.onStep}
    ></studio-stepper>
    <section aria-labelledby="step-title">
      <h2 id="step-title" tabindex="-1">${steps[nav.step]}</h2>
      ${renderStep(view, nav.step)}
    </section>
    ${renderStudioActionBar(bar)}`
}

const renderStep = (view: StudioStepView, step: number) => {
  if (step === 2) return renderReview(view)
  if (view.workflow === 'product-shoot') {
    return step === 0 ? renderShootPhotos(view) : renderShootDirection(view)
  }
  return step === 0 ? renderAdPrompt(view) : renderAdFormat(view)
}

/** Step 3, "Review": Product Shoot's settings, then what will be sent and what it costs. */
const renderReview = (view: StudioStepView) => {
  const { config, workflow, fields } = view
  const model = workflowModel(config, workflow)
  const { negative } = buildRequest(workflow, fields, model)
  return html`${workflow === 'product-shoot' ? renderShootSettings(view) : nothing}
    <studio-review
      .workflow=${workflow}
      .prompt=${fields.prompt.trim()}
      .negative=${negative}
      .sizeLabel=${sizeLabel(fields, sizeChoices(model, config))}
      .n=${fields.n}
      .available=${view.available}
    ></studio-review>`
}
