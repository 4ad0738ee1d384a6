import { css } from 'lit'

/** Layout of the studio page itself: header, credits banner, stepper, advanced options, action bar. */
export const studioPageStyles = css`
  header {
    display: grid;
    gap: var(--app-space-1);
    margin-bottom: var(--app-space-4);
  }
  header h1 {
    margin: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--app-space-2);
    color: var(--app-color-text-muted);
  }
  .meta p {
    margin: 0;
  }
  .banner {
    margin: 0 0 var(--app-space-4);
    padding: var(--app-space-3) var(--app-space-4);
    border: 1px solid var(--app-color-danger);
    border-radius: var(--app-radius-md);
    background: var(--app-color-surface);
  }
  .banner p {
    margin: 0;
  }
  .banner strong {
    color: var(--app-color-danger);
  }
  studio-stepper {
    display: block;
    margin-bottom: var(--app-space-5);
  }
  h2 {
    margin: 0 0 var(--app-space-4);
    font-size: var(--app-font-size-xl);
  }
  h2:focus {
    outline: none;
  }
  details.advanced {
    margin: 0 0 var(--app-space-5);
    border: 1px solid var(--app-color-border);
    border-radius: var(--app-radius-md);
    background: var(--app-color-surface);
  }
  details.advanced summary {
    display: flex;
    align-items: center;
    min-height: var(--app-touch-target);
    padding: 0 var(--app-space-4);
    font-weight: var(--app-font-weight-bold);
    cursor: pointer;
  }
  .advanced-body {
    padding: 0 var(--app-space-4) var(--app-space-2);
  }
  .switch {
    display: flex;
    align-items: center;
    gap: var(--app-space-3);
    min-height: var(--app-touch-target);
  }
  .switch input {
    width: 1.5rem;
    height: 1.5rem;
    accent-color: var(--app-color-primary);
  }
  .bar {
    position: sticky;
    bottom: calc(var(--app-nav-height) + env(safe-area-inset-bottom, 0px));
    z-index: 5;
    display: flex;
    justify-content: space-between;
    gap: var(--app-space-3);
    margin: var(--app-space-5) calc(-1 * var(--app-space-4)) 0;
    padding: var(--app-space-3) var(--app-space-4);
    border-top: 1px solid var(--app-color-border);
    background: var(--app-color-background);
  }
  .bar .primary {
    margin-left: auto;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .link-button {
    min-height: var(--app-touch-target);
    padding: 0 var(--app-space-2);
    border: 0;
    background: none;
    color: var(--app-color-primary);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .skeleton div {
    height: 1rem;
    margin-bottom: var(--app-space-3);
    border-radius: var(--app-radius-sm);
    background: var(--app-color-surface-2);
  }
  .skeleton .block {
    height: 8rem;
  }
  @media (min-width: 48em) {
    .bar {
      bottom: 0;
    }
  }
`
