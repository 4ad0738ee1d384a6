import { Task } from '@lit/task'
import { css, html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import '../components/app-change-password.ts'
import '../components/app-delete-account.ts'
import '../components/app-passkeys.ts'
import '../components/app-profile-credits.ts'
import '../components/app-session-list.ts'
import { LiveQueryController, QueryStatus } from '../controllers/live-query-controller.ts'
import { OnlineController } from '../controllers/online-controller.ts'
import { type KnownProfile, loadProfile, readProfile } from '../data/account.ts'
import { formatDateTime } from '../format.ts'
import { confirmSignOut } from '../sign-out-flow.ts'
import { profileSectionStyles } from '../styles/profile.styles.ts'
import { buttonBase, focusRing, pageStyles } from '../styles/shared.ts'

/**
 * `/profile` (docs/product.md §9.3): account, credits and their history, signed-in devices,
 * password, account deletion and sign-out. Offline it shows the last known values "as of" their
 * time, and the parts that need the server say so.
 */
@customElement('page-profile')
export class PageProfile extends LitElement {
  static override styles = [
    pageStyles,
    buttonBase,
    focusRing,
    profileSectionStyles,
    css`
      :host {
        display: block;
      }
      .chip {
        display: inline-block;
        margin-left: var(--app-space-2);
        padding: 0 var(--app-space-2);
        border-radius: var(--app-radius-pill);
        background: var(--app-color-primary-soft);
        color: var(--app-color-primary);
        font-size: var(--app-font-size-sm);
        font-weight: var(--app-font-weight-bold);
      }
      .skeleton {
        height: 6rem;
        margin-bottom: var(--app-space-4);
        border-radius: var(--app-radius-lg);
        background: var(--app-color-surface-2);
      }
    `,
  ]

  private readonly _online = new OnlineController(this)
  private readonly _profile = new LiveQueryController(this, readProfile)
  /** Asks the server for the profile, which `_profile` then shows from the device. */
  private readonly _load = new Task(this, {
    task: async () => {
      if (!navigator.onLine) throw new Error('Offline: the profile cannot be loaded.')
      await loadProfile()
    },
    args: () => [],
  })

  override render() {
    const known = this._profile.value
    return html`
      <h1>Profile</h1>
      ${known ? this._renderKnown(known) : this._renderMissing()}
      <section aria-labelledby="devices">
        <h2 id="devices">Signed-in devices</h2>
        <app-session-list .online=${this._online.online}></app-session-list>
      </section>
      <section aria-labelledby="passkeys">
        <h2 id="passkeys">Passkeys</h2>
        <app-passkeys .online=${this._online.online}></app-passkeys>
      </section>
      <section aria-labelledby="password">
        <h2 id="password">Change password</h2>
        <app-change-password
          .online=${this._online.online}
          @app-password-changed=${this._onPasswordChanged}
        ></app-change-password>
      </section>
      <section aria-labelledby="danger">
        <h2 id="danger">Delete account</h2>
        <app-delete-account .online=${this._online.online}></app-delete-account>
      </section>
      <div class="actions">
        <a class="button button--secondary" href="/settings">Settings</a>
        <button class="button button--primary" type="button" @click=${this._onSignOut}>Sign out</button>
      </div>
    `
  }

  private _renderMissing() {
    const skeleton = () =>
      html`<div aria-hidden="true"><div class="skeleton"></div><div class="skeleton"></div></div>`
    // Until the device has been read, a stored profile may still show up.
    if (this._profile.status !== QueryStatus.READY) return skeleton()
    return this._load.render({
      pending: skeleton,
      complete: skeleton,
      error: () => html`<div role="alert">
        <p>Couldn't load your profile.</p>
        <button class="button button--secondary" type="button" @click=${() => this._load.run()}>
          Retry
        </button>
      </div>`,
    })
  }

  private _renderKnown({ profile, at }: KnownProfile) {
    const asOf = this._online.online ? '' : formatDateTime(at)
    return html`
      <section aria-labelledby="account">
        <h2 id="account">Account</h2>
        <p>
          <strong>${profile.user.name}</strong>
          <span class="chip">${profile.accountType === 'paid' ? 'Paid' : 'Free'}</span><br />
          ${profile.user.email}
        </p>
        <p class="muted">
          ${profile.user.emailVerified ? 'Email verified.' : 'Email not verified yet: open the link we emailed you.'}
        </p>
      </section>
      <section aria-labelledby="credits">
        <h2 id="credits">Credits</h2>
        <app-profile-credits
          .balances=${profile.balances}
          .asOf=${asOf}
          .online=${this._online.online}
        ></app-profile-credits>
      </section>
    `
  }

  private _onPasswordChanged(): void {
    this.renderRoot.querySelector('app-session-list')?.reload()
  }

  private _onSignOut(): void {
    void confirmSignOut(this)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-profile': PageProfile
  }
}
