import { html } from 'lit'

/** The studio while its config and balance load: a skeleton of the step (docs/product.md §10). */
export const renderStudioLoading = (name: string) =>
  html`<h1>${name}</h1>
    <div class="skeleton" aria-busy="true" aria-label="Loading the studio">
      <div></div><div class="block"></div><div></div><div></div>
    </div>`

/** The studio without a config, which it cannot work without (docs/product.md §10). */
export const renderStudioLoadFailed = (name: string, onRetry: () => void) =>
  html`<h1>${name}</h1>
    <div role="alert">
      <p>Couldn't load the studio. Check your connection and try again.</p>
      <button class="button button--secondary" type="button" @click=${onRetry}>Retry</button>
    </div>`
