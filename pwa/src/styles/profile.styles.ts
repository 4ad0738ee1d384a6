import { css } from 'lit'

/** What the profile's sections share: the card, its heading, rows and the "Needs a connection" note. */
export const profileSectionStyles = css`
  :host {
    display: block;
  }
  section {
    margin: 0 0 var(--app-space-5);
    padding: var(--app-space-4);
    border: 1px solid var(--app-color-border);
    border-radius: var(--app-radius-lg);
    background: var(--app-color-surface);
  }
  h2 {
    margin: 0 0 var(--app-space-3);
    font-size: var(--app-font-size-lg);
  }
  p {
    margin: 0 0 var(--app-space-3);
  }
  ul {
    margin: 0 0 var(--app-space-3);
    padding: 0;
    list-style: none;
  }
  li {
    padding: var(--app-space-3) 0;
    border-bottom: 1px solid var(--app-color-border);
  }
  li:last-child {
    border-bottom: 0;
  }
  .muted,
  .needs-connection {
    color: var(--app-color-text-muted);
    font-size: var(--app-font-size-sm);
  }
  .done {
    color: var(--app-color-success);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--app-space-3);
  }
`
