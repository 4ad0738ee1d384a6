import { css, html, LitElement } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { emit } from '../../events.ts'
import type { TemplateGroup } from '../../studio/presets.ts'
import { focusRing } from '../../styles/shared.ts'
import { fieldStyles } from '../../styles/studio.styles.ts'

/**
 * The "Prompt templates" disclosure: chips in groups, at most one on per group.
 *
 * @fires app-studio-template - A chip was tapped; the page adds, swaps or removes its sentence.
 */
@customElement('studio-template-chips')
export class StudioTemplateChips extends LitElement {
  static override styles = [
    focusRing,
    fieldStyles,
    css`
      details {
        margin: 0 0 var(--app-space-5);
        border: 1px solid var(--app-color-border);
        border-radius: var(--app-radius-md);
        background: var(--app-color-surface);
      }
      summary {
        display: flex;
        align-items: center;
        min-height: var(--app-touch-target);
        padding: 0 var(--app-space-4);
        font-weight: var(--app-font-weight-bold);
        cursor: pointer;
      }
      .body {
        display: grid;
        gap: var(--app-space-4);
        padding: 0 var(--app-space-4) var(--app-space-4);
      }
      h3 {
        margin: 0 0 var(--app-space-2);
        font-size: var(--app-font-size-md);
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--app-space-2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      button {
        min-height: var(--app-touch-target);
        padding: 0 var(--app-space-4);
        border: 1px solid var(--app-color-border);
        border-radius: var(--app-radius-pill);
        background: var(--app-color-surface);
        color: var(--app-color-text);
        font: inherit;
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        border-color: var(--app-color-primary);
        background: var(--app-color-primary-soft);
        font-weight: var(--app-font-weight-bold);
      }
    `,
  ]

  /** The template groups. */
  @property({ attribute: false }) groups: readonly TemplateGroup[] = []
  /** Selected template id per group id. */
  @property({ attribute: false }) selected: Readonly<Record<string, string>> = {}
  /** A message about the last tap (no room), announced politely. */
  @property() message = ''

  override render() {
    const count = Object.keys(this.selected).length
    return html`<details>
      <summary>Prompt templates (${count} selected)</summary>
      <div class="body">
        <p class="hint">Pick up to one per group. Each adds a sentence to your shoot direction.</p>
        ${this.groups.map(
          (group) => html`<section aria-labelledby="group-${group.id}">
            <h3 id="group-${group.id}">${group.label}</h3>
            <ul>
              ${group.templates.map(
                (template) => html`<li>
                  <button type="button" aria-pressed=${this.selected[group.id] === template.id ? 'true' : 'false'}
                    @click=${() => this._onToggle(group.id, template.id)}>${template.label}</button>
                </li>`
              )}
            </ul>
          </section>`
        )}
        <div aria-live="polite">${this.message ? html`<p class="warning">${this.message}</p>` : ''}</div>
      </div>
    </details>`
  }

  private _onToggle(groupId: string, templateId: string): void {
    emit(this, 'app-studio-template', { groupId, templateId })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-template-chips': StudioTemplateChips
  }
}
