import { html, LitElement } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { comingLater, focusRing, pageStyles } from '../styles/shared.ts'
import { WORKFLOWS, type Workflow } from '../workflows.ts'

/** `/studio/product-shoot` and `/studio/ad-graphic`: the studio of one workflow. Not built yet. */
@customElement('page-studio')
export class PageStudio extends LitElement {
  static override styles = [pageStyles, focusRing]

  /** Which workflow this studio is for. */
  @property() workflow: Workflow = 'product-shoot'

  override render() {
    const { name, description } = WORKFLOWS[this.workflow]
    return html`
      <h1>${name}</h1>
      <p class="lead">${description}</p>
      ${comingLater(`The ${name} studio is coming in a later release of Addreams.`)}
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-studio': PageStudio
  }
}
