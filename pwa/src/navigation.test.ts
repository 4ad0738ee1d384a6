import { afterEach, describe, expect, it, vi } from 'vitest'
import { navigate, safeRedirect, signInPathFor } from './navigation.ts'

describe('safeRedirect', () => {
  it.each([
    ['/profile', '/profile'],
    ['/history/abc?x=1', '/history/abc?x=1'],
    ['/history/abc?x=1#top', '/history/abc?x=1#top'],
    ['/studio/ad-graphic?prompt=a%20b', '/studio/ad-graphic?prompt=a%20b'],
  ])('should keep the same-origin path %s', (value, expected) => {
    expect(safeRedirect(value)).toBe(expected)
  })

  /** @see the security issue: the URL parser drops tabs and newlines, `/\t/x` becomes `//x`. */
  it.each([
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/\t\\evil.example',
    '\\/evil.example',
    '/\\/evil.example',
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/api/auth/sign-out',
    '/api',
    '/./api/me',
    '/history/../api/me',
    '/%61pi/me',
    '/API/me',
    'history',
    '',
    null,
    undefined,
  ])('should refuse %j and go to /history', (value) => {
    expect(safeRedirect(value)).toBe('/history')
  })

  it.each([
    ['/%09/evil.example', '/%09/evil.example'],
    ['/%0a/evil.example', '/%0a/evil.example'],
    ['/%0d%0a/evil.example', '/%0d%0a/evil.example'],
    ['/%5cevil.example', '/%5cevil.example'],
    ['/%2f/evil.example', '/%2f/evil.example'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('should keep the encoded %s as a path on this origin', (value, expected) => {
    expect(safeRedirect(value)).toBe(expected)
    expect(new URL(safeRedirect(value), window.location.href).origin).toBe(window.location.origin)
  })

  it('should refuse what the sign-in link decodes from /%09/evil.example', () => {
    const redirect = new URLSearchParams('redirect=/%09/evil.example').get('redirect')
    expect(redirect).toBe('/\t/evil.example')
    expect(safeRedirect(redirect)).toBe('/history')
  })
})

describe('signInPathFor', () => {
  it('should carry the path and query as an encoded redirect', () => {
    expect(signInPathFor(new URL('http://localhost/history/a?b=1'))).toBe(
      '/sign-in?redirect=%2Fhistory%2Fa%3Fb%3D1'
    )
  })
})

describe('navigate', () => {
  afterEach(() => {
    document.body.replaceChildren()
    vi.restoreAllMocks()
  })

  it('should ask the app frame through app-navigate', () => {
    const from = document.body.appendChild(document.createElement('div'))
    const heard = vi.fn()
    document.body.addEventListener('app-navigate', (event) => heard(event.detail))
    navigate(from, '/history', { replace: true })
    expect(heard).toHaveBeenCalledWith({ path: '/history', replace: true })
  })

  it('should load the page itself when the element has left the document', () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined)
    navigate(document.createElement('div'), '/')
    expect(assign).toHaveBeenCalledWith('/')
  })
})
