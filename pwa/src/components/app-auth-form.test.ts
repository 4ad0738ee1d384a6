import type { PublicConfig } from '@app/shared-types'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import './app-auth-form.ts'
import { emptyDeviceWithoutNetwork } from '../data/testing/no-network.ts'
import type { AppAuthForm } from './app-auth-form.ts'

const config = (auth: Partial<PublicConfig['auth']>) =>
  ({
    auth: { emailPassword: true, google: false, github: false, emailVerification: false, ...auth },
  }) as PublicConfig

const mount = async (mode: 'sign-in' | 'sign-up'): Promise<AppAuthForm> => {
  const el = document.createElement('app-auth-form')
  el.mode = mode
  document.body.append(el)
  await vi.waitFor(async () => {
    await el.updateComplete
    if (!el.shadowRoot?.querySelector('form')) throw new Error('not rendered')
  })
  return el
}

/** The server answers `GET /api/config` with `body`; every other call fails as if offline. */
const serveConfig = (body: Partial<PublicConfig>): void => {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) =>
      url === '/api/config'
        ? Promise.resolve(new Response(JSON.stringify(body)))
        : Promise.reject(new TypeError('no network in tests'))
    )
  )
}

const root = (el: AppAuthForm) => el.shadowRoot as ShadowRoot
const input = (el: AppAuthForm, id: string) =>
  root(el).querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement
const social = (el: AppAuthForm) =>
  root(el).querySelector('app-social-sign-in')?.shadowRoot as ShadowRoot
const buttons = (el: AppAuthForm) =>
  [...social(el).querySelectorAll('button'), ...root(el).querySelectorAll('button')].map((b) =>
    b.textContent?.trim()
  )

describe('<app-auth-form>', () => {
  beforeEach(async () => {
    await emptyDeviceWithoutNetwork()
  })
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it('should label the create-account fields with the placeholders of docs/product.md §9.2', async () => {
    const el = await mount('sign-up')
    const fields = [...root(el).querySelectorAll('label')].map((label) => {
      const field = input(el, label.htmlFor)
      return [label.textContent, field.type, field.placeholder]
    })
    expect(fields).toEqual([
      ['Name', 'text', 'Your name'],
      ['Email', 'email', 'you@example.com'],
      ['Password', 'password', 'At least 8 characters'],
      ['Confirm password', 'password', ''],
    ])
  })

  it('should show an error on blur, tied to its field, and clear it live', async () => {
    const el = await mount('sign-in')
    const email = input(el, 'email')
    email.value = 'me@example'
    email.dispatchEvent(new InputEvent('input'))
    email.dispatchEvent(new FocusEvent('blur'))
    await el.updateComplete
    expect(email.getAttribute('aria-invalid')).toBe('true')
    const describedBy = email.getAttribute('aria-describedby') ?? ''
    expect(root(el).getElementById(describedBy)?.textContent).toBe('Enter a valid email address.')
    email.value = 'me@example.com'
    email.dispatchEvent(new InputEvent('input'))
    await el.updateComplete
    expect(email.getAttribute('aria-invalid')).toBe('false')
    expect(email.hasAttribute('aria-describedby')).toBe(false)
  })

  it('should list the new-password rules under the field and mark them as the user types', async () => {
    const el = await mount('sign-up')
    const password = input(el, 'password')
    expect(password.getAttribute('aria-describedby')).toBe('password-rules')
    const rules = () =>
      [...root(el).querySelectorAll('#password-rules li')].map((li) => [
        li.textContent?.replace(/\s+/g, ' ').trim(),
        li.classList.contains('met'),
      ])
    expect(rules()).toEqual([
      ['• 8 to 128 characters (not yet)', false],
      ['• Not one of the most common passwords (not yet)', false],
    ])
    password.value = 'password1'
    password.dispatchEvent(new InputEvent('input'))
    await el.updateComplete
    expect(rules().map(([, met]) => met)).toEqual([true, false])
    password.value = 'correct horse battery'
    password.dispatchEvent(new InputEvent('input'))
    await el.updateComplete
    expect(rules().map(([, met]) => met)).toEqual([true, true])
    expect(root(el).querySelector('#password-rules')).not.toBeNull()
    expect((await mount('sign-in')).shadowRoot?.querySelector('#password-rules')).toBeNull()
  })

  it('should check every field on submit and focus the first invalid one', async () => {
    const el = await mount('sign-up')
    input(el, 'password').value = 'short'
    input(el, 'password').dispatchEvent(new InputEvent('input'))
    root(el).querySelector('form')?.requestSubmit()
    await vi.waitFor(() => expect(root(el).activeElement).toBe(input(el, 'name')))
    const errors = [...root(el).querySelectorAll('.field-error')].map((p) => p.textContent)
    expect(errors).toEqual([
      'Enter your name.',
      'Enter your email.',
      'Password must be at least 8 characters.',
      'Passwords do not match.',
    ])
    expect(fetch).not.toHaveBeenCalledWith('/api/auth/sign-up/email', expect.anything())
  })

  it('should offer only the enabled providers', async () => {
    serveConfig(config({ github: true }))
    const el = await mount('sign-in')
    await vi.waitFor(() => expect(buttons(el)).toEqual(['Continue with GitHub', 'Sign in']))
    expect(social(el).querySelector('.divider')?.textContent).toBe('or')
  })

  it('should disable the form offline and say why', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const el = await mount('sign-in')
    expect(root(el).textContent).toContain("You're offline. Connect to the internet to sign in.")
    expect(input(el, 'email').disabled).toBe(true)
    expect(root(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true)
    vi.restoreAllMocks()
  })
})
