import { css, html } from 'lit'

/** Visible keyboard focus, drawn with the token outline. */
export const focusRing = css`
  :focus-visible {
    outline: var(--app-focus-ring);
    outline-offset: var(--app-focus-ring-offset);
  }
`

/** `.visually-hidden`: kept for screen readers, removed from the visual layout. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`

/**
 * `.notice-bar`: a full-width strip under the header (the update banner, the verify-email
 * notice), its background from `--app-notice-bar-bg`.
 */
export const noticeBar = css`
  .notice-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: var(--app-space-2) var(--app-space-4);
    padding: var(--app-space-2) var(--app-space-4);
    background: var(--app-notice-bar-bg, var(--app-color-primary-soft));
    color: var(--app-color-text);
    font-size: var(--app-font-size-sm);
  }
  .notice-bar p {
    margin: 0;
  }
`

/**
 * `.button` for `<a>` and `<button>`: at least a 44 px touch target. Add `.button--primary`
 * or `.button--secondary` for the filled and outlined looks.
 */
export const buttonBase = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--app-space-2);
    min-height: var(--app-touch-target);
    min-width: var(--app-touch-target);
    padding: 0 var(--app-space-5);
    border: 1px solid transparent;
    border-radius: var(--app-radius-pill);
    font: inherit;
    font-weight: var(--app-font-weight-bold);
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
    transition:
      background-color var(--app-duration) var(--app-easing),
      border-color var(--app-duration) var(--app-easing);
  }
  .button--primary {
    background: var(--app-color-primary);
    color: var(--app-color-on-primary);
  }
  .button--primary:hover {
    background: var(--app-color-primary-hover);
  }
  .button--secondary {
    background: var(--app-color-surface);
    color: var(--app-color-primary);
    border-color: var(--app-color-border);
  }
  .button--secondary:hover {
    border-color: var(--app-color-primary);
  }
`

/** The frame every routed page shares: a centred column and the page heading. */
export const pageStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    width: 100%;
    max-width: var(--app-content-width);
    margin: 0 auto;
    padding: var(--app-space-6) var(--app-space-4);
  }
  h1 {
    margin: 0 0 var(--app-space-4);
    font-size: var(--app-font-size-2xl);
    line-height: var(--app-font-line-height-tight);
    letter-spacing: -0.01em;
  }
  h1:focus {
    outline: none;
  }
  p {
    margin: 0 0 var(--app-space-4);
    max-width: 40rem;
  }
  a {
    color: var(--app-color-primary);
  }
  .lead {
    color: var(--app-color-text-muted);
    font-size: var(--app-font-size-lg);
  }
  .notice {
    display: flex;
    gap: var(--app-space-3);
    align-items: flex-start;
    max-width: 40rem;
    margin: 0 0 var(--app-space-5);
    padding: var(--app-space-4);
    border: 1px dashed var(--app-color-border);
    border-radius: var(--app-radius-md);
    background: var(--app-color-surface-2);
    color: var(--app-color-text);
  }
  .notice p {
    margin: 0;
  }
  .notice svg {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.125rem;
    fill: none;
    stroke: var(--app-color-primary);
    stroke-width: 2;
    stroke-linecap: round;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--app-space-3);
  }
`

/** The "coming in a later release" notice used by pages that are not built yet. */
export const comingLater = (text: string) => html`<div class="notice">
  <svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" /></svg>
  <p>${text}</p>
</div>`
