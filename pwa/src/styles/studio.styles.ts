import { css } from 'lit'

/** Labels, inputs, hints, errors and counters shared by the studio's fields. */
export const fieldStyles = css`
  .field {
    display: grid;
    gap: var(--app-space-2);
    margin: 0 0 var(--app-space-5);
  }
  label,
  .label {
    font-weight: var(--app-font-weight-bold);
  }
  textarea,
  input:not([type='checkbox']):not([type='radio']):not([type='file']),
  select {
    box-sizing: border-box;
    width: 100%;
    min-height: var(--app-touch-target);
    padding: var(--app-space-2) var(--app-space-3);
    border: 1px solid var(--app-color-border);
    border-radius: var(--app-radius-sm);
    background: var(--app-color-surface);
    color: var(--app-color-text);
    font: inherit;
  }
  textarea {
    min-height: 8rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--app-color-danger);
  }
  .hint {
    margin: 0;
    color: var(--app-color-text-muted);
    font-size: var(--app-font-size-sm);
  }
  .error {
    margin: 0;
    color: var(--app-color-danger);
    font-size: var(--app-font-size-sm);
    font-weight: var(--app-font-weight-medium);
  }
  .error:empty {
    display: none;
  }
  .warning {
    margin: 0;
    color: var(--app-color-warning);
    font-size: var(--app-font-size-sm);
  }
  .counter {
    justify-self: end;
    color: var(--app-color-text-muted);
    font-size: var(--app-font-size-sm);
    font-variant-numeric: tabular-nums;
  }
  .counter--warning {
    color: var(--app-color-warning);
  }
  .counter--error {
    color: var(--app-color-danger);
    font-weight: var(--app-font-weight-bold);
  }
`
