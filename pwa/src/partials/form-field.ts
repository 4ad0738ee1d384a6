import { css, html, type LitElement, nothing } from 'lit'
import { live } from 'lit/directives/live.js'

/** One labelled input with its error, rendered into the caller's shadow root. */
export interface FieldSpec {
  readonly id: string
  readonly label: string
  readonly type: 'text' | 'email' | 'password'
  readonly value: string
  readonly autocomplete: string
  readonly placeholder?: string
  readonly error?: string
  readonly disabled?: boolean
  /** Shown under the input and read with it (e.g. the password rules); needs `hintId`. */
  readonly hint?: unknown
  /** The id of the element in `hint` that describes the input. */
  readonly hintId?: string
  readonly onInput: (event: InputEvent) => void
  readonly onBlur: () => void
}

/**
 * A label, an input and its error, tied with `aria-describedby` and `aria-invalid`. A template,
 * not an element, so the label and input share the form's shadow root (and password managers see
 * the form).
 */
export const textField = (f: FieldSpec) => html`<div class="field">
  <label for=${f.id}>${f.label}</label>
  <input
    id=${f.id}
    name=${f.id}
    type=${f.type}
    .value=${live(f.value)}
    autocomplete=${f.autocomplete}
    placeholder=${f.placeholder ?? nothing}
    aria-invalid=${f.error ? 'true' : 'false'}
    aria-describedby=${describedBy(f) ?? nothing}
    ?disabled=${f.disabled ?? false}
    @input=${f.onInput}
    @blur=${f.onBlur}
  />
  ${f.error ? html`<p class="field-error" id="${f.id}-error">${f.error}</p>` : nothing}
  ${f.hint ?? nothing}
</div>`

const describedBy = (f: FieldSpec): string | undefined =>
  [f.error ? `${f.id}-error` : '', f.hintId ?? ''].filter(Boolean).join(' ') || undefined

/** Styles for `textField` and the form around it. */
export const formStyles = css`
  form {
    display: grid;
    gap: var(--app-space-4);
    max-width: 26rem;
    margin-bottom: var(--app-space-5);
  }
  .field {
    display: grid;
    gap: var(--app-space-1);
  }
  label {
    font-weight: var(--app-font-weight-medium);
  }
  input {
    box-sizing: border-box;
    width: 100%;
    min-height: var(--app-touch-target);
    padding: 0 var(--app-space-3);
    border: 1px solid var(--app-color-border);
    border-radius: var(--app-radius-md);
    background: var(--app-color-surface);
    color: var(--app-color-text);
    font: inherit;
  }
  input::placeholder {
    color: var(--app-color-text-muted);
  }
  input[aria-invalid='true'] {
    border-color: var(--app-color-danger);
  }
  input:disabled {
    opacity: 0.6;
  }
  .field-error,
  .form-error {
    margin: 0;
    color: var(--app-color-danger);
    font-size: var(--app-font-size-sm);
  }
  .form-error:empty {
    display: none;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`

/**
 * After a refused submit: focuses the first field (in `order`) that has an error, once the errors
 * have rendered. Returns whether there was one. `idOf` maps a field to its input's id.
 */
export const focusFirstInvalid = async <F extends string>(
  host: LitElement,
  errors: Partial<Record<F, string>>,
  order: readonly F[],
  idOf: (field: F) => string = (field) => field
): Promise<boolean> => {
  const invalid = order.find((field) => errors[field])
  if (!invalid) return false
  await host.updateComplete
  host.renderRoot.querySelector<HTMLElement>(`#${idOf(invalid)}`)?.focus()
  return true
}
