import { describe, expect, inject, it } from 'vitest'
import { launchBrowser } from './browser.ts'

const baseUrl = inject('baseUrl')
const url = (path: string) => new URL(path, baseUrl).toString()

/** The policy every page and static file of the app is served with (pwa/public/_headers). */
const SHELL_CSP: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ['lit-html', 'addreams-sw', 'addreams-sw-data'],
}

const SHELL_HEADERS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
}

/** A CSP header as directive → sources, so the order of directives does not matter. */
const directives = (header: string | null): Record<string, string[]> =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name.toLowerCase(), sources])
  )

/** A Permissions-Policy header as feature → allowlist. */
const permissions = (header: string | null): Record<string, string> =>
  Object.fromEntries(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().split('='))
      .map(([feature = '', allow = '']) => [feature, allow])
  )

const get = (path: string, accept = '*/*') => fetch(url(path), { headers: { accept } })

const expectShellHeaders = (res: Response, what: string) => {
  expect(res.status, what).toBe(200)
  expect(directives(res.headers.get('content-security-policy')), what).toEqual(SHELL_CSP)
  for (const [name, value] of Object.entries(SHELL_HEADERS)) {
    expect(res.headers.get(name), `${what}: ${name}`).toBe(value)
  }
  const policy = permissions(res.headers.get('permissions-policy'))
  // The app takes photos only through a file input (capture); nothing else may be asked for.
  expect(policy.camera, what).toBe('(self)')
  for (const feature of ['microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid']) {
    expect(policy[feature], `${what}: ${feature}`).toBe('()')
  }
}

/** @see the security issue: the shell and its files were served without any security header. */
describe('security headers of the app shell and its files', () => {
  it('should send them with the shell, a deep link, a hashed asset, the worker and the manifest', async () => {
    const shell = await get('/', 'text/html')
    expectShellHeaders(shell, '/')
    const html = await shell.text()
    const asset = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(asset).toMatch(/^\/assets\/index-[\w-]+\.js$/)

    const deepLink = await get(`/history/${crypto.randomUUID()}`, 'text/html')
    expectShellHeaders(deepLink, 'deep link')
    expect(await deepLink.text()).toContain('<app-root>')

    expectShellHeaders(await get(asset ?? ''), asset ?? 'asset')
    const worker = await get('/sw.js')
    expectShellHeaders(worker, '/sw.js')
    expect(worker.headers.get('content-type')).toMatch(/javascript/)
    const manifest = await get('/manifest.webmanifest')
    expectShellHeaders(manifest, '/manifest.webmanifest')
    expect(manifest.headers.get('content-type')).toMatch(/manifest\+json/)
    // The rules themselves are not a file the app serves.
    expect(await (await get('/_headers')).text()).not.toContain('Content-Security-Policy')
  })

  it('should leave the API its own, stricter headers', async () => {
    const res = await get('/api/health')
    expect(res.status).toBe(200)
    expect(directives(res.headers.get('content-security-policy'))).toEqual({
      'default-src': ["'none'"],
      'frame-ancestors': ["'none'"],
    })
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    // Over http the API sends no HSTS (security-headers.ts); only the static files carry theirs.
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })

  it('should keep another site from framing the app (Generate spends credits, Settings deletes)', async () => {
    const browser = await launchBrowser()
    try {
      const page = await browser.context.newPage()
      await page.setContent(
        `<iframe src="${url('/studio/ad-graphic')}"></iframe><iframe src="${url('/settings')}"></iframe>`
      )
      const framed = () => page.frames().filter((frame) => frame !== page.mainFrame())
      await expect.poll(() => framed().length).toBe(2)
      for (const frame of framed()) {
        await expect.poll(() => frame.url()).toMatch(/^chrome-error:/)
        expect(await frame.evaluate(() => document.querySelector('app-root'))).toBeNull()
      }
    } finally {
      await browser.close()
    }
  })
})
