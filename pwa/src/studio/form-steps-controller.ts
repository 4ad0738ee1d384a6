import type { LitElement, ReactiveController } from 'lit'
import type { Workflow } from '../workflows.ts'
import { type FieldErrors, type FieldKey, firstStepWithError, STEP_FIELDS } from './validate.ts'

/** Element id of each field in the studio's shadow root, for "focus the first invalid field". */
const FIELD_IDS: Record<FieldKey, string> = {
  photos: 'photos',
  prompt: 'prompt',
  negativePrompt: 'negative',
  size: 'size',
  n: 'count',
  seed: 'seed',
}

/** Fields inside the closed-by-default "Advanced options", which must open to show them. */
const ADVANCED: readonly FieldKey[] = ['negativePrompt', 'seed']

/**
 * Which step the studio shows and which errors the user has seen. An error shows once the user
 * left its field or tried to go on (docs/product.md §4), and then stays live. Next stops at the
 * current step's first invalid field; Generate jumps back to the first step with an error and
 * focuses its field.
 */
export class FormStepsController implements ReactiveController {
  /** Index of the step on screen. */
  step = 0
  /** Whether "Advanced options" is open. */
  advancedOpen = false
  /** Every current error, shown or not. */
  errors: FieldErrors = {}
  private _shown = new Set<FieldKey>()

  constructor(
    private readonly _host: LitElement,
    private readonly _workflow: () => Workflow,
    /** The current errors, or undefined while the form is not loaded. */
    private readonly _check: () => FieldErrors | undefined,
    /** Called on every step change, to drop messages that belong to the step left. */
    private readonly _onLeave: () => void
  ) {
    _host.addController(this)
  }

  hostUpdate(): void {
    this._recheck()
  }

  /** A field's error if the user has seen it; else empty. */
  error(key: FieldKey): string {
    return this._shown.has(key) ? (this.errors[key] ?? '') : ''
  }

  /** Whether the user has seen this field's error. */
  shown(key: FieldKey): boolean {
    return this._shown.has(key)
  }

  /** Shows the errors of `keys` that have one; true if any has. */
  showIfInvalid(keys: readonly FieldKey[]): boolean {
    this._recheck()
    const invalid = keys.filter((key) => this.errors[key] !== undefined)
    if (invalid.length > 0) {
      this._shown = new Set([...this._shown, ...invalid])
      this._host.requestUpdate()
    }
    return invalid.length > 0
  }

  /** Hides every error again (Start over). */
  forget(): void {
    this._shown = new Set()
    this._host.requestUpdate()
  }

  /** Shows step `index` and moves focus to its title. */
  async goTo(index: number): Promise<void> {
    if (index === this.step) return
    this.step = index
    this._onLeave()
    this._host.requestUpdate()
    await this._host.updateComplete
    this._host.renderRoot.querySelector<HTMLElement>('#step-title')?.focus()
  }

  /** Next: the following step, or the current step's first invalid field. */
  async next(): Promise<void> {
    const keys = STEP_FIELDS[this._workflow()][this.step] ?? []
    if (this.showIfInvalid(keys)) await this._focusFirstInvalid(keys)
    else await this.goTo(this.step + 1)
  }

  /** Before Generate: true (after going to the first step with an error) if the form has one. */
  async stopAtFirstError(): Promise<boolean> {
    const steps = STEP_FIELDS[this._workflow()]
    const all = steps.flat()
    if (!this.showIfInvalid(all)) return false
    const step = firstStepWithError(this._workflow(), this.errors)
    if (step !== -1 && step !== this.step) await this.goTo(step)
    await this._focusFirstInvalid(steps[step] ?? all)
    return true
  }

  private _recheck(): void {
    this.errors = this._check() ?? this.errors
  }

  private async _focusFirstInvalid(keys: readonly FieldKey[]): Promise<void> {
    const key = keys.find((k) => this.errors[k] !== undefined)
    if (!key) return
    if (ADVANCED.includes(key)) {
      this.advancedOpen = true
      this._host.requestUpdate()
    }
    await this._host.updateComplete
    const target = this._host.renderRoot.querySelector<HTMLElement>(`#${FIELD_IDS[key]}`)
    target?.scrollIntoView({ block: 'center' })
    target?.focus()
  }
}
