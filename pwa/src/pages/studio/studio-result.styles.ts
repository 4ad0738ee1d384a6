import { css } from 'lit'

/** Layout of `<studio-result>`: state line, progress, image grid, actions and details. */
export const studioResultStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 var(--app-space-3);
    font-size: var(--app-font-size-xl);
  }
  h3 {
    margin: var(--app-space-5) 0 var(--app-space-2);
    font-size: var(--app-font-size-lg);
  }
  .state {
    margin: 0 0 var(--app-space-3);
    font-weight: var(--app-font-weight-bold);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .problem {
    color: var(--app-color-danger);
  }
  progress {
    width: 100%;
    height: 0.5rem;
    accent-color: var(--app-color-primary);
  }
  .images {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    gap: var(--app-space-4);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .image button.open {
    display: block;
    width: 100%;
    padding: 0;
    border: 0;
    background: none;
    cursor: zoom-in;
  }
  img {
    display: block;
    width: 100%;
    height: auto;
    border-radius: var(--app-radius-md);
    background: var(--app-color-surface-2);
  }
  .image-actions,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--app-space-2);
    margin-top: var(--app-space-2);
  }
  .badge {
    display: inline-block;
    margin-left: var(--app-space-2);
    padding: 0 var(--app-space-2);
    border-radius: var(--app-radius-pill);
    background: var(--app-color-surface-2);
    color: var(--app-color-text-muted);
    font-size: var(--app-font-size-sm);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--app-space-1) var(--app-space-4);
    margin: 0;
  }
  dt {
    font-weight: var(--app-font-weight-bold);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .refs {
    display: flex;
    gap: var(--app-space-2);
    margin: 0 0 var(--app-space-2);
    padding: 0;
    list-style: none;
  }
  .refs img {
    width: 4rem;
    height: 4rem;
    object-fit: cover;
  }
  dialog {
    max-width: 100vw;
    max-height: 100dvh;
    padding: var(--app-space-3);
    border: 0;
    background: var(--app-color-surface);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.8);
  }
  dialog img {
    max-height: calc(100dvh - 8rem);
    width: auto;
    max-width: 100%;
  }
`
