import { workflowSchema } from '@app/shared-types'
import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import '../components/app-buy-credits.ts'
import { LiveQueryController } from '../controllers/live-query-controller.ts'
import { OnlineController } from '../controllers/online-controller.ts'
import { QueryStatus } from '../controllers/query-status.ts'
import { readBalances } from '../data/balances.ts'
import { credits } from '../format.ts'
import { profileSectionStyles } from '../styles/profile.styles.ts'
import { buttonBase, focusRing, pageStyles } from '../styles/shared.ts'
import { WORKFLOWS, type Workflow } from '../workflows.ts'

/**
 * `/credits` (docs/product.md §9.8): the packs on sale, for the workflow in `?workflow=` (where
 * "Buy credits" links from the studio and History) or for both, with the balance each has now.
 */
@customElement('page-credits')
export class PageCredits extends LitElement {
  static override styles = [pageStyles, buttonBase, focusRing, profileSectionStyles]

  private readonly _workflows: readonly Workflow[] = wantedWorkflows()
  private readonly _online = new OnlineController(this)
  private readonly _balances = new LiveQueryController(this, readBalances)

  override render() {
    return html`<h1>Buy credits</h1>
      <p class="lead">Each image costs one credit of its workflow. Payment is by card on a secure
        checkout page.</p>
      ${this._workflows.map(
        (workflow) => html`<section aria-labelledby="h-${workflow}">
          <h2 id="h-${workflow}">${WORKFLOWS[workflow].name}</h2>
          <p>${this._balance(workflow)}</p>
          <app-buy-credits .workflow=${workflow} .online=${this._online.online}></app-buy-credits>
          <a href=${WORKFLOWS[workflow].path}>Back to ${WORKFLOWS[workflow].name}</a>
        </section>`
      )}`
  }

  /** A device that has never synced does not know its balance: it is not 0. */
  private _balance(workflow: Workflow): string {
    if (this._balances.status !== QueryStatus.READY) return ''
    const balances = this._balances.value?.balances
    if (balances) return `You have ${credits(balances[workflow])}.`
    return this._online.online
      ? 'Getting your balance…'
      : 'Your balance shows here once this device is back online.'
  }
}

/** The workflow named in the query, or both. */
const wantedWorkflows = (): readonly Workflow[] => {
  const wanted = workflowSchema.safeParse(
    new URLSearchParams(window.location.search).get('workflow')
  )
  return wanted.success ? [wanted.data] : (Object.keys(WORKFLOWS) as Workflow[])
}

declare global {
  interface HTMLElementTagNameMap {
    'page-credits': PageCredits
  }
}
