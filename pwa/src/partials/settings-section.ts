import { css } from 'lit'

/** The look of one Settings section: a titled card with a line of text and its actions. */
export const settingsSection = css`
  :host {
    display: block;
  }
  section {
    padding: var(--app-space-4) var(--app-space-5);
    border: 1px solid var(--app-color-border);
    border-radius: var(--app-radius-lg);
    background: var(--app-color-surface);
  }
  h2 {
    margin: 0 0 var(--app-space-2);
    font-size: var(--app-font-size-lg);
  }
  p {
    margin: 0 0 var(--app-space-3);
  }
  .muted {
    color: var(--app-color-text-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--app-space-3);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`
