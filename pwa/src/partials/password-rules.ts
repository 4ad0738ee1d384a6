import { passwordRules } from '@app/shared-types'
import { css, html } from 'lit'

/**
 * The new-password rules as a list under the field, each marked met or not as the user types.
 * A template, not an element, so the input in the same shadow root can name it in
 * `aria-describedby`; the marks are words for screen readers, not only colour and symbols.
 */
export const passwordRulesHint = (
  id: string,
  password: string
) => html`<ul class="password-rules" id=${id}>
  ${passwordRules(password).map(
    (rule) => html`<li class=${rule.met ? 'met' : ''}>
      <span aria-hidden="true">${rule.met ? '✓' : '•'}</span>
      ${rule.label}<span class="visually-hidden">${rule.met ? ' (done)' : ' (not yet)'}</span>
    </li>`
  )}
</ul>`

/** Styles of `passwordRulesHint`. */
export const passwordRulesStyles = css`
  .password-rules {
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--app-color-text-muted);
    font-size: var(--app-font-size-sm);
  }
  .password-rules li.met {
    color: var(--app-color-success);
  }
  .password-rules span[aria-hidden] {
    display: inline-block;
    width: 1.25em;
  }
`
