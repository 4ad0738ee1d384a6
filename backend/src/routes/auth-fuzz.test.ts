import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ORIGIN, randomIp, signUp } from '../../test/accounts.ts'
import { call } from '../../test/api.ts'

const huge = 'x'.repeat(1_000_000)

/** Bodies a careless or hostile client might send: broken JSON, wrong types, huge and odd strings. */
const body = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"email":',
    'null',
    '[]',
    '"just a string"',
    '{"a":1}}',
    '\u0000',
    huge
  ),
  fc.json(),
  fc
    .record(
      {
        name: fc.oneof(fc.string(), fc.integer(), fc.constant(huge), fc.constant(null)),
        email: fc.oneof(fc.emailAddress(), fc.string(), fc.integer(), fc.constant(huge)),
        password: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(huge)),
        currentPassword: fc.oneof(fc.string(), fc.array(fc.string())),
        newPassword: fc.oneof(fc.string(), fc.object()),
        token: fc.oneof(fc.string(), fc.integer()),
        provider: fc.oneof(fc.constantFrom('google', 'github', 'apple'), fc.string()),
        callbackURL: fc.oneof(fc.webUrl(), fc.string(), fc.constant('//evil.example')),
      },
      { requiredKeys: [] }
    )
    .map((value) => JSON.stringify(value))
)

const POST_ROUTES = [
  '/api/auth/sign-up/email',
  '/api/auth/sign-in/email',
  '/api/auth/sign-in/social',
  '/api/auth/change-password',
  '/api/auth/revoke-session',
  '/api/auth/revoke-other-sessions',
  '/api/auth/delete-user',
  '/api/auth/sign-out',
]

/** 4xx answers carry a code: better-auth's `{ code }` or our envelope's `error.code`. */
const expectClientAnswer = async (res: Response, what: string) => {
  expect(res.status, what).toBeLessThan(500)
  if (res.status < 400) return
  const text = await res.text()
  const parsed = JSON.parse(text) as { code?: string; error?: { code?: string } }
  expect(
    parsed.code ?? parsed.error?.code,
    `${what} → ${res.status} ${text.slice(0, 200)}`
  ).toBeTruthy()
}

describe('auth and profile routes under fuzzed input', () => {
  it.each(POST_ROUTES)('should never answer 5xx on POST %s', async (route) => {
    const { cookie } = await signUp()
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.boolean(),
        fc.constantFrom('application/json', 'text/plain', ''),
        async (payload, withSession, type) => {
          const headers: Record<string, string> = { origin: ORIGIN, 'cf-connecting-ip': randomIp() }
          if (type) headers['content-type'] = type
          if (withSession) headers.cookie = cookie
          const res = await call(route, { method: 'POST', headers, body: payload })
          await expectClientAnswer(res, `${route} ${payload.slice(0, 80)}`)
        }
      ),
      { numRuns: 40 }
    )
  })

  it('should never answer 5xx on our GET routes with fuzzed queries and cookies', async () => {
    const { cookie } = await signUp()
    const query = fc.dictionary(
      fc.constantFrom('cursor', 'limit', 'x', ''),
      fc.oneof(fc.string(), fc.constant(huge.slice(0, 5000)))
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/me',
          '/api/credits/ledger',
          '/api/auth/get-session',
          '/api/auth/list-sessions'
        ),
        query,
        fc.oneof(
          fc.constant(cookie),
          fc.string(),
          fc.constant('better-auth.session_token=forged.sig')
        ),
        async (path, params, sentCookie) => {
          const url = `${path}?${new URLSearchParams(params)}`
          const res = await call(url, { headers: { cookie: sentCookie.replace(/[\r\n]/g, '') } })
          await expectClientAnswer(res, url)
        }
      ),
      { numRuns: 60 }
    )
  })
})
