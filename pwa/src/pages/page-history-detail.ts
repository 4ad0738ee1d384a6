import { html, LitElement } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { comingLater, focusRing, pageStyles } from '../styles/shared.ts'

/** `/history/:id`: one generation with its images and inputs. Not built yet; it says so. */
@customElement('page-history-detail')
export class PageHistoryDetail extends LitElement {
  static override styles = [pageStyles, focusRing]

  /** Id of the generation, from the path. */
  @property() generationId = ''

  override render() {
    return html`
      <h1>Generation details</h1>
      ${comingLater('The details of a generation are coming in a later release of Addreams.')}
      <p><a href="/history">Back to History</a></p>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-history-detail': PageHistoryDetail
  }
}
