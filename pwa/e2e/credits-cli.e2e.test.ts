import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { ledgerPageSchema, profileSchema } from '@app/shared-types'
import { describe, expect, inject, it } from 'vitest'
import { signUpFromNode } from './account.ts'

const baseUrl = inject('baseUrl')
const root = path.resolve(import.meta.dirname, '../..')

const credits = (...args: string[]) =>
  promisify(execFile)('node', ['scripts/credits.mjs', ...args], {
    cwd: root,
    env: { ...process.env, ADDREAMS_STATE_DIR: inject('stateDir') },
  })

const signUp = () => signUpFromNode(baseUrl)

/** The command's output; a non-zero exit rejects with `code`, `stdout` and `stderr`. */
const creditsJson = async (...args: string[]) =>
  JSON.parse((await credits(...args, '--json')).stdout)

/** Rows written straight to the e2e Worker's local D1, as the payment side or a job leaves them. */
const seed = (sql: string) =>
  promisify(execFile)(
    'npx',
    [
      'wrangler',
      'd1',
      'execute',
      'DB',
      '--local',
      '--persist-to',
      inject('stateDir'),
      '--command',
      sql,
    ],
    {
      cwd: path.join(root, 'backend'),
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
    }
  )

const me = async (cookie: string) =>
  profileSchema.parse(await (await fetch(`${baseUrl}/api/me`, { headers: { cookie } })).json())

describe('npm run credits -- grant', () => {
  it('should add credits and the paid mark once per key, keeping the ledger and balance together', async () => {
    const { email, cookie } = await signUp()
    const args = ['grant', '--email', email, '--workflow', 'ad-graphic', '--amount', '4']
    await credits(...args, '--reason', 'launch promo', '--paid', '--key', `k-${email}`)
    await credits(...args, '--key', `k-${email}`)
    const profile = await me(cookie)
    expect(profile.balances).toEqual({ 'product-shoot': 1, 'ad-graphic': 5 })
    expect(profile.accountType).toBe('paid')
    const ledger = ledgerPageSchema.parse(
      await (await fetch(`${baseUrl}/api/credits/ledger`, { headers: { cookie } })).json()
    )
    const adGraphic = ledger.items.filter((i) => i.workflow === 'ad-graphic')
    expect(adGraphic.reduce((sum, i) => sum + i.delta, 0)).toBe(5)
    expect(ledger.items.find((i) => i.reason === 'grant')?.note).toBe('launch promo')
  })

  it('should refuse an unknown email or workflow, changing nothing', async () => {
    const { cookie, email } = await signUp()
    await expect(
      credits(
        'grant',
        '--email',
        'nobody@example.test',
        '--workflow',
        'ad-graphic',
        '--amount',
        '1'
      )
    ).rejects.toMatchObject({ code: 1 })
    await expect(
      credits('grant', '--email', email, '--workflow', 'video', '--amount', '1')
    ).rejects.toMatchObject({ code: 2 })
    expect((await me(cookie)).balances).toEqual({ 'product-shoot': 1, 'ad-graphic': 1 })
  })
})

describe('npm run credits -- --help', () => {
  it("should list the verbs, answer each verb's --help, and refuse an unknown verb", async () => {
    const { stdout } = await credits('--help')
    for (const verb of ['show', 'grant', 'adjust', 'usage']) {
      expect(stdout).toMatch(new RegExp(`^  ${verb} `, 'm'))
      expect((await credits(verb, '--help')).stdout).toMatch(
        new RegExp(`^Usage: npm run credits -- ${verb} `)
      )
    }
    await expect(credits('refund')).rejects.toMatchObject({ code: 2 })
  })
})

describe('npm run credits -- show', () => {
  it("should show an account's type, balances, ledger and generations", async () => {
    const { email } = await signUp()
    const report = await creditsJson('show', '--email', email)
    expect(report.account).toMatchObject({ email, accountType: 'free', emailVerified: true })
    expect(report.balances).toEqual({ 'product-shoot': 1, 'ad-graphic': 1 })
    expect(report.ledger.map((row: { reason: string }) => row.reason)).toEqual([
      'welcome',
      'welcome',
    ])
    expect(report.generations).toEqual([])
    const { stdout } = await credits('show', '--email', email)
    expect(stdout).toContain('Balances  product-shoot 1, ad-graphic 1')
    expect(stdout).toMatch(/Type\s+free, email verified/)
  })

  it('should exit 1 for an unknown email and 2 for a bad one', async () => {
    await expect(credits('show', '--email', 'nobody@example.test')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No account with the email nobody@example.test'),
    })
    await expect(credits('show', '--email', 'not-an-email')).rejects.toMatchObject({ code: 2 })
  })
})

describe('npm run credits -- adjust', () => {
  it('should add and take away credits once per key, never below 0', async () => {
    const { email, cookie } = await signUp()
    const adjust = (amount: string, key: string) =>
      credits(
        'adjust',
        '--email',
        email,
        '--workflow',
        'ad-graphic',
        '--amount',
        amount,
        '--reason',
        'support ticket 7',
        '--key',
        `${key}-${email}`
      )
    await adjust('3', 'up')
    await adjust('3', 'up')
    expect((await me(cookie)).balances['ad-graphic']).toBe(4)
    await expect(adjust('-5', 'down')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('has 4 ad-graphic credit(s); taking 5 would go below 0'),
    })
    expect((await me(cookie)).balances['ad-graphic']).toBe(4)
    await adjust('-4', 'down')
    expect((await me(cookie)).balances).toEqual({ 'product-shoot': 1, 'ad-graphic': 0 })
    const ledger = ledgerPageSchema.parse(
      await (await fetch(`${baseUrl}/api/credits/ledger`, { headers: { cookie } })).json()
    )
    expect(
      ledger.items.filter((i) => i.reason === 'adjustment').map((i) => [i.delta, i.note])
    ).toEqual([
      [-4, 'support ticket 7'],
      [3, 'support ticket 7'],
    ])
  })

  it('should refuse a missing reason or key and an amount of 0 with exit 2', async () => {
    const { email } = await signUp()
    const base = ['adjust', '--email', email, '--workflow', 'ad-graphic']
    await expect(credits(...base, '--amount', '2', '--key', 'k')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--reason'),
    })
    await expect(credits(...base, '--amount', '2', '--reason', 'r')).rejects.toMatchObject({
      code: 2,
    })
    await expect(
      credits(...base, '--amount', '0', '--reason', 'r', '--key', 'k')
    ).rejects.toMatchObject({ code: 2 })
  })
})

describe('npm run credits -- usage', () => {
  it('should report a day of generations, images, refunds and purchases with the estimated cost', async () => {
    const { email } = await signUp()
    // A day no other test writes to: this run's state is fresh, so the counts are exact.
    const at = Date.parse('2001-02-03T10:00:00Z')
    const user = `(SELECT id FROM user WHERE email = '${email}')`
    await seed(`
      INSERT INTO generation (id, user_id, workflow, status, fingerprint, params, model, cost, version, created_at, updated_at)
        VALUES ('${crypto.randomUUID()}', ${user}, 'ad-graphic', 'succeeded', 'f', '{}', 'qwen-image-max', 1, 1001, ${at}, ${at});
      INSERT INTO generation_image (id, generation_id, user_id, kind, idx, r2_key, content_type, width, height, bytes, created_at)
        SELECT '${crypto.randomUUID()}', id, user_id, 'output', 0, 'e2e/' || id, 'image/png', 1, 1, 1, ${at}
        FROM generation WHERE version = 1001 AND user_id = ${user};
      INSERT INTO credit_ledger (id, user_id, workflow, delta, reason, idem_key, created_at)
        VALUES ('${crypto.randomUUID()}', ${user}, 'ad-graphic', 1, 'refund', 'e2e-refund-${email}', ${at});
      INSERT INTO purchase (id, user_id, workflow, pack, credits, amount, currency, status, created_at, completed_at)
        VALUES ('cs_e2e_${crypto.randomUUID()}', ${user}, 'ad-graphic', 'small', 10, 500, 'usd', 'completed', ${at}, ${at});`)

    const report = await creditsJson('usage', '--from', '2001-02-03', '--to', '2001-02-04')
    expect(report.days).toHaveLength(2)
    expect(report.days[0]).toMatchObject({
      day: '2001-02-03',
      generations: [
        { workflow: 'ad-graphic', model: 'qwen-image-max', status: 'succeeded', count: 1 },
      ],
      images: [{ model: 'qwen-image-max', simulated: false, count: 1 }],
      refunds: { count: 1, credits: 1 },
      purchases: [{ currency: 'usd', count: 1, credits: 10, amount: 500 }],
      estimatedCostUsd: 0.075,
    })
    const { stdout } = await credits('usage', '--from', '2001-02-03')
    expect(stdout).toContain('Usage from 2001-02-03 to 2001-02-03 (UTC days)')
    expect(stdout).toContain('revenue 5.00 usd, estimated provider cost 0.075 usd')
  })

  it('should refuse dates that are not dates, or in the wrong order, with exit 2', async () => {
    await expect(credits('usage', '--from', '2001-02-30')).rejects.toMatchObject({ code: 2 })
    await expect(
      credits('usage', '--from', '2001-02-03', '--to', '2001-02-01')
    ).rejects.toMatchObject({
      code: 2,
    })
    await expect(
      credits('usage', '--from', '2001-01-01', '--to', '2002-01-02')
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('within 366 days') })
    await expect(credits('usage')).rejects.toMatchObject({ code: 2 })
  })
})
