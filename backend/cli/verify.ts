// The post-deploy smoke check (`npm run verify -- https://your.domain`), run by scripts/verify.mjs.
// It needs no account on the product: everything it reads is public, or the 401 every
// signed-out caller gets. One line per check; exit 1 when any fails.
import {
  apiErrorBodySchema,
  healthSchema,
  publicConfigSchema,
  readinessSchema,
} from '@app/shared-types'
import * as z from 'zod'

/** One check's outcome: `detail` says what was seen, so a failure needs no second look. */
export interface CheckResult {
  name: string
  ok: boolean
  detail: string
}

type Fetcher = (url: URL, init?: RequestInit) => Promise<Response>

/** A failed expectation inside a check; its message becomes the check's detail. */
class CheckFailed extends Error {}

const expect = (condition: boolean, message: string): void => {
  if (!condition) throw new CheckFailed(message)
}

const expectStatus = (res: Response, status: number): void =>
  expect(res.status === status, `answered ${res.status}, expected ${status}`)

const parseJson = async <T>(res: Response, schema: z.ZodType<T>): Promise<T> => {
  const parsed = schema.safeParse(await res.json().catch(() => undefined))
  expect(parsed.success, `unexpected body: ${parsed.error ? z.prettifyError(parsed.error) : ''}`)
  return parsed.data as T
}

const header = (res: Response, name: string): string => res.headers.get(name) ?? ''

const expectHeader = (res: Response, name: string, pattern: RegExp): void =>
  expect(pattern.test(header(res, name)), `${name} is "${header(res, name)}", expected ${pattern}`)

const openApiSchema = z.object({
  openapi: z.string().startsWith('3.1'),
  paths: z.record(z.string(), z.unknown()),
})
const manifestSchema = z.object({
  name: z.string().min(1),
  start_url: z.string(),
  icons: z.array(z.object({ src: z.string() })).min(1),
})

const SIGN_IN_LABELS = [
  ['emailPassword', 'email and password'],
  ['google', 'Google'],
  ['github', 'GitHub'],
] as const

/** The checks, in the order they print; each reads the origin through `get`. */
const checks = (
  get: (path: string, init?: RequestInit) => Promise<Response>,
  https: boolean
): [string, () => Promise<string>][] => [
  [
    'liveness (GET /api/health)',
    async () => {
      const res = await get('/api/health')
      expectStatus(res, 200)
      return `ok at ${(await parseJson(res, healthSchema)).time}`
    },
  ],
  [
    'readiness (GET /api/health/ready)',
    async () => {
      const res = await get('/api/health/ready')
      expectStatus(res, 200)
      const { checks } = await parseJson(res, readinessSchema)
      return Object.keys(checks).join(' and ')
    },
  ],
  [
    'public config (GET /api/config)',
    async () => {
      const res = await get('/api/config')
      expectStatus(res, 200)
      const config = await parseJson(res, publicConfigSchema)
      const signIn = SIGN_IN_LABELS.filter(([key]) => config.auth[key]).map(([, label]) => label)
      return `images from ${config.imageProvider}; sign-in with ${signIn.join(', ')}`
    },
  ],
  [
    'OpenAPI document (GET /api/openapi.json)',
    async () => {
      const res = await get('/api/openapi.json')
      expectStatus(res, 200)
      const doc = await parseJson(res, openApiSchema)
      return `OpenAPI ${doc.openapi}, ${Object.keys(doc.paths).length} paths`
    },
  ],
  [
    'signed-out API call (GET /api/me)',
    async () => {
      const res = await get('/api/me')
      expectStatus(res, 401)
      const { error } = await parseJson(res, apiErrorBodySchema)
      expect(error.code === 'UNAUTHENTICATED', `code ${error.code}, expected UNAUTHENTICATED`)
      expect(error.requestId === header(res, 'x-request-id'), 'requestId differs from x-request-id')
      return 'the shared error envelope, UNAUTHENTICATED'
    },
  ],
  [
    'API security headers',
    async () => {
      const res = await get('/api/health')
      expectHeader(res, 'content-security-policy', /default-src 'none'/)
      expectHeader(res, 'x-content-type-options', /^nosniff$/)
      expectHeader(res, 'x-frame-options', /^DENY$/)
      if (https) expectHeader(res, 'strict-transport-security', /max-age=\d{7,}/)
      return https ? 'CSP, nosniff, DENY, HSTS' : 'CSP, nosniff, DENY (no HSTS over http)'
    },
  ],
  [
    'app shell (GET /)',
    async () => {
      const res = await get('/', { headers: { accept: 'text/html' } })
      expectStatus(res, 200)
      const html = await res.text()
      expect(html.includes('<app-root'), 'no <app-root> in the page')
      expect(/<link[^>]+rel="manifest"/.test(html), 'no web app manifest link')
      return 'the PWA shell with its manifest link'
    },
  ],
  [
    'deep link (GET /history, the single-page fallback)',
    async () => {
      const res = await get('/history', { headers: { accept: 'text/html' } })
      expectStatus(res, 200)
      expect((await res.text()).includes('<app-root'), 'not the app shell')
      return 'the app shell'
    },
  ],
  [
    'shell security headers',
    async () => {
      const res = await get('/', { headers: { accept: 'text/html' } })
      const csp = header(res, 'content-security-policy')
      expect(/frame-ancestors 'none'/.test(csp), `CSP "${csp}" lets other sites frame the app`)
      expect(/script-src 'self'/.test(csp), `CSP "${csp}" has no script-src 'self'`)
      expect(!/unsafe-(inline|eval)/.test(csp), `CSP "${csp}" allows inline script or eval`)
      expectHeader(res, 'x-content-type-options', /^nosniff$/)
      expectHeader(res, 'referrer-policy', /./)
      expectHeader(res, 'cross-origin-opener-policy', /^same-origin$/)
      if (https) expectHeader(res, 'strict-transport-security', /max-age=\d{7,}/)
      return 'strict CSP, nosniff, Referrer-Policy, COOP'
    },
  ],
  [
    'web app manifest (GET /manifest.webmanifest)',
    async () => {
      const res = await get('/manifest.webmanifest')
      expectStatus(res, 200)
      const manifest = await parseJson(res, manifestSchema)
      return `"${manifest.name}", ${manifest.icons.length} icons`
    },
  ],
  [
    'service worker (GET /sw.js)',
    async () => {
      const res = await get('/sw.js')
      expectStatus(res, 200)
      expectHeader(res, 'content-type', /javascript/)
      return `${(await res.arrayBuffer()).byteLength} bytes`
    },
  ],
]

/** Runs every check against `origin`; a check that throws or times out fails with the reason. */
export const runSmokeChecks = async (
  origin: string,
  fetcher: Fetcher = fetch,
  timeoutMs = 15_000
): Promise<CheckResult[]> => {
  const get = (path: string, init: RequestInit = {}) =>
    fetcher(new URL(path, origin), {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
  const results: CheckResult[] = []
  for (const [name, run] of checks(get, new URL(origin).protocol === 'https:')) {
    try {
      results.push({ name, ok: true, detail: await run() })
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      results.push({ name, ok: false, detail })
    }
  }
  return results
}

const USAGE =
  'Usage: npm run verify -- <origin>   e.g. npm run verify -- https://addreams.example.com'

/** The command: prints one line per check and returns the exit code. */
export const main = async (argv: string[]): Promise<number> => {
  const origin = URL.canParse(argv[0] ?? '') ? new URL(argv[0] as string).origin : undefined
  if (!origin || argv.length !== 1) {
    console.error(USAGE)
    return 2
  }
  const results = await runSmokeChecks(origin)
  for (const { name, ok, detail } of results) console.log(`${ok ? '✓' : '✗'} ${name}: ${detail}`)
  const failed = results.filter((r) => !r.ok).length
  console.log(`${results.length - failed} passed, ${failed} failed (${origin})`)
  return failed > 0 ? 1 : 0
}
