import { css, html, LitElement } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { HistoryFilter } from '../data/history-item.ts'
import { emit } from '../events.ts'
import { focusRing, visuallyHidden } from '../styles/shared.ts'

type Option<K extends keyof HistoryFilter> = readonly [HistoryFilter[K], string]

const WORKFLOW_OPTIONS: readonly Option<'workflow'>[] = [
  ['all', 'All'],
  ['product-shoot', 'Product Shoot'],
  ['ad-graphic', 'Ad Graphic'],
]

const STATE_OPTIONS: readonly Option<'state'>[] = [
  ['all', 'All'],
  ['in-progress', 'In progress'],
  ['ready', 'Ready'],
  ['failed-or-canceled', 'Failed or canceled'],
]

/**
 * The History filters: workflow and state, each a native radio group drawn as segmented pills, so
 * arrow keys move within a group and Tab moves between groups.
 *
 * @fires app-history-filter - The user changed a filter; `detail.filter` is the new filter.
 */
@customElement('history-filters')
export class HistoryFilters extends LitElement {
  static override styles = [
    focusRing,
    visuallyHidden,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: var(--app-space-3) var(--app-space-5);
      }
      fieldset {
        min-width: 0;
        margin: 0;
        padding: 0;
        border: 0;
      }
      legend {
        margin-bottom: var(--app-space-1);
        color: var(--app-color-text-muted);
        font-size: var(--app-font-size-sm);
        font-weight: var(--app-font-weight-medium);
      }
      .options {
        display: flex;
        flex-wrap: wrap;
        gap: var(--app-space-2);
      }
      label {
        position: relative;
        display: inline-flex;
        align-items: center;
        min-height: var(--app-touch-target);
        padding: 0 var(--app-space-4);
        border: 1px solid var(--app-color-border);
        border-radius: var(--app-radius-pill);
        background: var(--app-color-surface);
        color: var(--app-color-text);
        cursor: pointer;
        box-sizing: border-box;
      }
      input {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        margin: 0;
        opacity: 0;
        cursor: pointer;
      }
      label:has(input:checked) {
        border-color: var(--app-color-primary);
        background: var(--app-color-primary-soft);
        color: var(--app-color-primary);
        font-weight: var(--app-font-weight-bold);
      }
      label:has(input:focus-visible) {
        outline: var(--app-focus-ring);
        outline-offset: var(--app-focus-ring-offset);
      }
    `,
  ]

  /** The filter shown as selected. */
  @property({ attribute: false }) filter: HistoryFilter = { workflow: 'all', state: 'all' }

  override render() {
    return html`
      ${this._group('workflow', 'Workflow', WORKFLOW_OPTIONS)}
      ${this._group('state', 'State', STATE_OPTIONS)}
    `
  }

  private _group<K extends keyof HistoryFilter>(
    key: K,
    legend: string,
    options: readonly Option<K>[]
  ) {
    return html`<fieldset>
      <legend>${legend}</legend>
      <div class="options">
        ${options.map(
          ([value, label]) => html`<label>
            <input
              type="radio"
              name=${key}
              .value=${value}
              .checked=${this.filter[key] === value}
              @change=${() => this._onChange(key, value)}
            />${label}
          </label>`
        )}
      </div>
    </fieldset>`
  }

  private _onChange<K extends keyof HistoryFilter>(key: K, value: HistoryFilter[K]): void {
    emit(this, 'app-history-filter', { filter: { ...this.filter, [key]: value } })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'history-filters': HistoryFilters
  }
}
