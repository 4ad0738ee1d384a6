import { css, html, LitElement } from 'lit'
import { customElement, property, query } from 'lit/decorators.js'
import { buttonBase, focusRing } from '../styles/shared.ts'

/** One button of a dialog; `value` is what `askDialog` resolves with when it is chosen. */
export interface DialogAction {
  readonly label: string
  readonly value: string
  readonly kind?: 'primary' | 'secondary' | 'danger'
}

/** What a dialog says and offers. Escape, or the backdrop's close, answers `cancel`. */
export interface DialogOptions {
  readonly title: string
  readonly body: string
  readonly actions: readonly DialogAction[]
}

/**
 * A modal question built on the native `<dialog>`: focus is trapped and restored by the browser,
 * Escape closes it, and the first action that is not `cancel` receives focus.
 *
 * @fires close - The dialog closed; read `returnValue`.
 */
@customElement('app-dialog')
export class AppDialog extends LitElement {
  static override styles = [
    focusRing,
    buttonBase,
    css`
      dialog {
        box-sizing: border-box;
        width: min(28rem, calc(100vw - 2 * var(--app-space-4)));
        padding: var(--app-space-5);
        border: 1px solid var(--app-color-border);
        border-radius: var(--app-radius-lg);
        background: var(--app-color-surface);
        color: var(--app-color-text);
        box-shadow: var(--app-shadow-md);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      h2 {
        margin: 0 0 var(--app-space-3);
        font-size: var(--app-font-size-xl);
      }
      p {
        margin: 0 0 var(--app-space-5);
      }
      .actions {
        display: flex;
        flex-wrap: wrap-reverse;
        justify-content: flex-end;
        gap: var(--app-space-3);
      }
      .button--danger {
        background: var(--app-color-danger);
        color: var(--app-color-surface);
      }
    `,
  ]

  /** The title, shown as the dialog's heading and accessible name. */
  @property() heading = ''
  /** The question's explanation. */
  @property() body = ''
  /** The buttons, in reading order. */
  @property({ attribute: false }) actions: readonly DialogAction[] = []
  /** The chosen action's value once closed (`cancel` for Escape). */
  returnValue = 'cancel'

  @query('dialog') private _dialog!: HTMLDialogElement

  override render() {
    return html`<dialog aria-labelledby="title" aria-describedby="body" @close=${this._onClose}>
      <h2 id="title">${this.heading}</h2>
      <p id="body">${this.body}</p>
      <form method="dialog" class="actions">
        ${this.actions.map(
          (action) =>
            html`<button
              class="button button--${action.kind ?? 'secondary'}"
              value=${action.value}
              ?autofocus=${action.value !== 'cancel' && action === this.actions.find((a) => a.value !== 'cancel')}
            >
              ${action.label}
            </button>`
        )}
      </form>
    </dialog>`
  }

  /** Opens the dialog as a modal. */
  async show(): Promise<void> {
    await this.updateComplete
    this._dialog.showModal()
  }

  private _onClose(): void {
    this.returnValue = this._dialog.returnValue || 'cancel'
    this.dispatchEvent(new Event('close'))
  }
}

/**
 * Asks a question in a modal dialog and resolves with the chosen action's value, or `cancel`.
 *
 * @example await askDialog({ title: 'Remove this photo?', body: '', actions: [...] }) === 'remove'
 */
export const askDialog = async (options: DialogOptions): Promise<string> => {
  const dialog = document.createElement('app-dialog')
  dialog.heading = options.title
  dialog.body = options.body
  dialog.actions = options.actions
  document.body.append(dialog)
  const closed = new Promise<string>((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true })
  })
  await dialog.show()
  const value = await closed
  dialog.remove()
  return value
}

/** The common two-button confirm; resolves true when the user confirms. */
export const confirmDialog = async (options: {
  title: string
  body?: string
  confirmLabel: string
  cancelLabel?: string
  danger?: boolean
}): Promise<boolean> =>
  (await askDialog({
    title: options.title,
    body: options.body ?? '',
    actions: [
      { label: options.cancelLabel ?? 'Cancel', value: 'cancel' },
      {
        label: options.confirmLabel,
        value: 'confirm',
        kind: options.danger ? 'danger' : 'primary',
      },
    ],
  })) === 'confirm'

declare global {
  interface HTMLElementTagNameMap {
    'app-dialog': AppDialog
  }
}
