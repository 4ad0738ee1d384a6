import type { PublicConfig } from '@app/shared-types'
import { Task } from '@lit/task'
import { html, LitElement, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { confirmDialog } from '../components/app-dialog.ts'
import { studioPageStyles } from './studio/page-studio.styles.ts'
import { renderStudioForm } from './studio/studio-form.ts'
import { renderStudioHeader } from './studio/studio-header.ts'
import { renderStudioLoadFailed, renderStudioLoading } from './studio/studio-load-states.ts'
import './studio/studio-result.ts'
import { LiveQueryController, QueryStatus } from '../controllers/live-query-controller.ts'
import { OnlineController } from '../controllers/online-controller.ts'
import { availableCredits, readBalances } from '../data/balances.ts'
import { loadConfig } from '../data/config.ts'
import { readUser } from '../data/session.ts'
import type { AppStudioResultActionEvent, AppStudioStepEvent } from '../events.ts'
import { DraftController } from '../studio/draft-controller.ts'
import { workflowModel } from '../studio/fields.ts'
import { FormStepsController } from '../studio/form-steps-controller.ts'
import { GenerateController } from '../studio/generate-controller.ts'
import { followStudioLink } from '../studio/prefill-flow.ts'
import { validateFields } from '../studio/validate.ts'
import { buttonBase, focusRing, pageStyles, visuallyHidden } from '../styles/shared.ts'
import { fieldStyles } from '../styles/studio.styles.ts'
import { WORKFLOWS, type Workflow } from '../workflows.ts'
import { StudioStepController } from './studio/studio-step-controller.ts'
import type { StudioStepView } from './studio/studio-step-view.ts'

/**
 * `/studio/product-shoot` and `/studio/ad-graphic`: the three-step form of one workflow with its
 * autosaved draft, then the result view of the request it sent (docs/product.md §4–§8, §9.4).
 * `?from=<id>` and `?edit=<entryId>` prefill it from an earlier request; `?shared=1` takes photos
 * shared from another app. The form renders from `pages/studio/studio-form.ts` into this element's
 * shadow root, so a failed step can focus its first invalid field by id.
 */
@customElement('page-studio')
export class PageStudio extends LitElement {
  static override styles = [
    pageStyles,
    focusRing,
    buttonBase,
    visuallyHidden,
    fieldStyles,
    studioPageStyles,
  ]

  /** Which workflow this studio is for. */
  @property() workflow: Workflow = 'product-shoot'

  @state() private _notice = ''

  /** The config, then the draft it shapes; a studio link is followed once the form shows. */
  private readonly _config = new Task(this, {
    task: async (): Promise<PublicConfig> => {
      const config = await loadConfig()
      await this._draft.restore(config)
      return config
    },
    args: () => [],
    onComplete: (config) => void this._followLink(config),
  })
  private readonly _balances = new LiveQueryController(this, () => readBalances())
  private readonly _available = new LiveQueryController(this, () => availableCredits(this.workflow))
  private readonly _online = new OnlineController(this)
  private readonly _user = new LiveQueryController(this, readUser)
  private readonly _draft: DraftController = new DraftController(
    this,
    () => this.workflow,
    () => {
      const config = this._config.value
      return config ? workflowModel(config, this.workflow).references.max : 0
    }
  )
  private readonly _steps: FormStepsController = new FormStepsController(
    this,
    () => this.workflow,
    () => {
      const { fields } = this._draft
      const config = this._config.value
      return config && fields
        ? validateFields(fields, {
            workflow: this.workflow,
            model: workflowModel(config, this.workflow),
            photoCount: this._draft.photos.photos.length,
            available: this._credits(),
            seedMax: config.limits.seedMax,
          })
        : undefined
    },
    () => this._form.clearTemplateMessage()
  )
  private readonly _form = new StudioStepController(this, this._draft, this._steps, {
    workflow: () => this.workflow,
    config: () => this._config.value,
    available: () => this._credits(),
    announce: (text) => {
      this._notice = text
    },
  })
  private readonly _generate = new GenerateController(
    this,
    () => this.workflow,
    () => this._config.value,
    this._draft
  )

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('workflow')) {
      this._available.setQuery(() => availableCredits(this.workflow))
    }
  }

  override render() {
    const { name } = WORKFLOWS[this.workflow]
    return this._config.render({
      pending: () => renderStudioLoading(name),
      complete: (config) => this._renderStudio(name, config),
      error: () => renderStudioLoadFailed(name, this._onRetry),
    })
  }

  private _renderStudio(name: string, config: PublicConfig) {
    const { fields } = this._draft
    if (
      !fields ||
      this._available.status === QueryStatus.PENDING ||
      this._balances.status === QueryStatus.PENDING
    ) {
      return renderStudioLoading(name)
    }
    const resultId = this._generate.resultId
    return html`${renderStudioHeader({
      workflow: this.workflow,
      name,
      position: resultId ? 'Result' : `Step ${this._steps.step + 1} of 3`,
      available: this._credits(),
      balanceAt: this._balances.value?.at,
      online: this._online.online,
      unverified: this._user.value?.emailVerified === false,
      onStartOver: resultId ? undefined : this._onStartOver,
    })}
      ${
        resultId
          ? html`<studio-result
              .generationId=${resultId}
              .workflow=${this.workflow}
              .cost=${fields.n}
              .canGenerate=${this._canGenerate()}
              @app-studio-result-action=${this._onResultAction}
            ></studio-result>`
          : this._renderForm(this._form.view(config, fields))
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this._notice}</div>`
  }

  private _renderForm(view: StudioStepView) {
    const steps = this._steps
    return renderStudioForm(
      view,
      { step: steps.step, errors: steps.errors, onStep: this._onStep },
      {
        step: steps.step,
        lastStep: steps.step === 2,
        n: view.fields.n,
        available: view.available,
        pending: this._generate.pending,
        online: this._online.online,
        canGenerate: this._canGenerate(),
        submitError: this._generate.error,
        onBack: () => void steps.goTo(steps.step - 1),
        onNext: () => void steps.next(),
        onGenerate: this._onGenerate,
      }
    )
  }

  private _canGenerate(): boolean {
    return this._credits() !== 0 && !this._generate.pending
  }

  /**
   * What this workflow may still spend, or undefined before the server ever sent a balance to
   * this device (then the server decides, and answers OUT_OF_CREDITS if need be).
   */
  private _credits(): number | undefined {
    return this._balances.value ? this._available.value : undefined
  }

  private async _followLink(config: PublicConfig): Promise<void> {
    // After the render that shows the form: `_config.value` is set by then.
    await this.updateComplete
    const prefilled = await followStudioLink(this.workflow, config, this._draft, (shared) =>
      this._form.addPhotos(shared.files, shared.replace)
    )
    if (prefilled) this._steps.step = 0
  }

  private async _startOver(): Promise<boolean> {
    if (
      this._draft.changed() &&
      !(await confirmDialog({
        title: 'Discard this draft?',
        confirmLabel: 'Discard',
        danger: true,
      }))
    ) {
      return false
    }
    this._steps.forget()
    this._form.clearTemplateMessage()
    await this._draft.discard()
    return true
  }

  private readonly _onRetry = (): void => {
    void this._config.run()
  }

  private readonly _onStep = (event: AppStudioStepEvent): void => {
    void this._steps.goTo(event.detail.index)
  }

  private readonly _onGenerate = async (): Promise<void> => {
    if (!this._canGenerate() || (await this._steps.stopAtFirstError())) return
    if (!(await this._generate.send())) return
    this._notice = this._online.online ? 'Request sent.' : 'Request queued on this device.'
  }

  private readonly _onResultAction = async (event: AppStudioResultActionEvent): Promise<void> => {
    const { action } = event.detail
    if (action === 'again') {
      await this._onGenerate()
      return
    }
    if (action === 'new' && !(await this._startOver())) return
    this._generate.leaveResult()
    this._steps.step = 0
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('#step-title')?.focus()
  }

  private readonly _onStartOver = async (): Promise<void> => {
    if (await this._startOver()) await this._steps.goTo(0)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-studio': PageStudio
  }
}
