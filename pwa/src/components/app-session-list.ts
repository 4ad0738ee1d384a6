import { initialState, Task } from '@lit/task'
import { html, LitElement, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import {
  type DeviceSession,
  listSessions,
  revokeOtherSessions,
  revokeSession,
} from '../data/account.ts'
import { describeUserAgent } from '../data/user-agent.ts'
import { formatDateTime } from '../format.ts'
import { profileSectionStyles } from '../styles/profile.styles.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'
import { confirmDialog } from './app-dialog.ts'

/**
 * The signed-in devices: browser and OS, created and last active, "This device" on the current
 * one, "Sign out" on the others, and "Sign out of all other devices" (confirmed). Online only.
 */
@customElement('app-session-list')
export class AppSessionList extends LitElement {
  static override styles = [profileSectionStyles, buttonBase, focusRing]

  /** Whether the device is online; sessions live on the server. */
  @property({ type: Boolean }) online = true

  @state() private _busy = false

  /** Read when the device is (again) online; offline there is nothing to ask. */
  private readonly _sessions = new Task(this, {
    task: ([online]: [boolean]) => (online ? listSessions() : initialState),
    args: () => [this.online] as [boolean],
  })

  override render() {
    if (!this.online) return html`<p class="needs-connection">Needs a connection</p>`
    return this._sessions.render({
      // A reload keeps the list it had on screen, marked busy.
      pending: () => this._renderList(this._sessions.value ?? [], true),
      complete: (sessions) => this._renderList(sessions, false),
      error: () => html`<p role="alert">Couldn't load your devices.</p>
        <button class="button button--secondary" type="button" @click=${this.reload}>Retry</button>`,
    })
  }

  private _renderList(sessions: DeviceSession[], busy: boolean) {
    const others = sessions.filter((s) => !s.current)
    return html`<ul aria-busy=${busy ? 'true' : 'false'}>
        ${sessions.map((s) => this._renderSession(s))}
      </ul>
      ${
        others.length > 0
          ? html`<button class="button button--secondary" type="button" ?disabled=${this._busy}
              @click=${this._onRevokeOthers}>Sign out of all other devices</button>`
          : nothing
      }`
  }

  private _renderSession(session: DeviceSession) {
    const { browser, os } = describeUserAgent(session.userAgent)
    return html`<li class="row">
      <span>
        <strong>${browser} on ${os}</strong>
        ${session.current ? html` <span class="done">This device</span>` : nothing}
        <br />
        <span class="muted">Signed in ${formatDateTime(session.createdAt)} · Last active
          ${formatDateTime(session.lastActiveAt)}</span>
      </span>
      ${
        session.current
          ? nothing
          : html`<button class="button button--secondary" type="button" ?disabled=${this._busy}
              aria-label="Sign out ${browser} on ${os}" @click=${() => this._onRevoke(session)}>Sign out</button>`
      }
    </li>`
  }

  /** Reads the list again (e.g. after a password change signed the other devices out). */
  reload(): void {
    void this._sessions.run()
  }

  private async _run(action: () => Promise<void>): Promise<void> {
    this._busy = true
    try {
      await action()
    } catch (error) {
      // The reloaded list shows what really happened; the failure itself only goes to the log.
      console.error(error)
    } finally {
      this._busy = false
      await this._sessions.run()
    }
  }

  private async _onRevoke(session: DeviceSession): Promise<void> {
    await this._run(() => revokeSession(session.token))
  }

  private async _onRevokeOthers(): Promise<void> {
    const confirmed = await confirmDialog({
      title: 'Sign out of all other devices?',
      body: 'You stay signed in on this device.',
      confirmLabel: 'Sign out of all other devices',
    })
    if (confirmed) await this._run(revokeOtherSessions)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-session-list': AppSessionList
  }
}
