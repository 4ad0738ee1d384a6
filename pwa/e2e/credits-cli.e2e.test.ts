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
