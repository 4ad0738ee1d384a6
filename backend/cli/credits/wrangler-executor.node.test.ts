import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import { remoteD1 } from '../../src/db/remote-d1.ts'
import { adjustCredits } from '../../src/services/credit-adjustment.ts'
import { wranglerD1, wranglerExecutor } from './wrangler-executor.ts'

const owner = {
  id: 'u1',
  email: 'owner@shop.example',
  name: 'Owner',
  account_type: 'free',
  email_verified: 1,
  created_at: 1_764_800_000_000,
}

/** A stand-in for wrangler: records each call's args (and a write's file) and answers in turn. */
const fakeWrangler = (answers: ((args: string[]) => string)[]) => {
  const calls: { args: string[]; file?: string }[] = []
  const run = (args: string[]) => {
    const file = args.includes('--file')
      ? readFileSync(args[args.indexOf('--file') + 1] as string, 'utf8')
      : undefined
    calls.push({ args, file })
    const answer = answers[calls.length - 1]
    if (!answer) throw new Error(`unexpected wrangler call ${JSON.stringify(args)}`)
    return answer(args)
  }
  return { calls, db: createDb(remoteD1(wranglerExecutor(run))) }
}

const rows =
  (...results: Record<string, unknown>[][]) =>
  () =>
    JSON.stringify(results.map((r) => ({ results: r, success: true, meta: {} })))

const input = {
  email: 'Owner@Shop.example',
  workflow: 'ad-graphic',
  amount: -2,
  reason: "owner's double grant",
  idemKey: 'adjust:fix-1',
} as const

describe('adjust --remote', () => {
  it('should read with --json --command and write the change as one --file of inlined SQL', async () => {
    const wrangler = fakeWrangler([
      rows([owner]),
      () => '',
      rows([{ workflow: 'ad-graphic', balance: 3 }]),
    ])
    const result = await adjustCredits(wrangler.db, input)

    expect(result).toEqual({
      userId: 'u1',
      adjusted: true,
      balances: { 'product-shoot': 0, 'ad-graphic': 3 },
    })
    const [lookup, write, balances] = wrangler.calls
    expect(lookup?.args.slice(0, 2)).toEqual(['--json', '--command'])
    expect(lookup?.args[2]).toMatch(/from "user" where "user"."email" = 'owner@shop.example'$/)
    expect(write?.args).toEqual(['--file', expect.stringMatching(/change\.sql$/), '--yes'])
    const statements = write?.file?.split(';\n') ?? []
    expect(statements).toHaveLength(3)
    expect(statements[0]).toMatch(/^insert into "credit_ledger"/)
    expect(statements[0]).toContain(
      "'u1', 'ad-graphic', -2, 'adjustment', NULL, 'owner''s double grant', 'adjust:fix-1'"
    )
    expect(statements[1]).toMatch(/^insert into "credit_balance" .* on conflict do nothing$/)
    expect(statements[2]).toMatch(/^update "credit_balance" set "balance" = \(SELECT/)
    expect(write?.file).not.toContain('?')
    expect(balances?.args[2]).toMatch(
      /from "credit_balance" where "credit_balance"."user_id" = 'u1'$/
    )
  })

  it("should turn D1's refusals in wrangler's output into the same answers as locally", async () => {
    const refuse = (message: string) => () => {
      throw new Error(`wrangler d1 execute failed: ✘ [ERROR] ${message}: SQLITE_CONSTRAINT`)
    }
    const overdraft = fakeWrangler([
      rows([owner]),
      refuse('CHECK constraint failed: credit_balance_not_negative'),
      rows([{ workflow: 'ad-graphic', balance: 1 }]),
    ])
    await expect(adjustCredits(overdraft.db, input)).rejects.toMatchObject({
      code: 'OUT_OF_CREDITS',
      message: expect.stringContaining('has 1 ad-graphic credit(s); taking 2'),
    })
    const replay = fakeWrangler([
      rows([owner]),
      refuse('UNIQUE constraint failed: credit_ledger.idem_key'),
      rows([{ workflow: 'ad-graphic', balance: 3 }]),
    ])
    expect((await adjustCredits(replay.db, input)).adjusted).toBe(false)
  })
})

describe('wranglerD1', () => {
  const bin = mkdtempSync(path.join(tmpdir(), 'fake-npx-'))
  // Prints its arguments, or fails with FAKE_WRANGLER_ERROR on stderr as wrangler does.
  writeFileSync(
    path.join(bin, 'npx'),
    '#!/bin/sh\nif [ -n "$FAKE_WRANGLER_ERROR" ]; then echo "$FAKE_WRANGLER_ERROR" >&2; exit 1; fi\nprintf "%s\\n" "$@"\n'
  )
  chmodSync(path.join(bin, 'npx'), 0o755)
  afterEach(() => vi.unstubAllEnvs())

  it('should run wrangler d1 execute DB --remote from the backend folder', () => {
    vi.stubEnv('PATH', `${bin}:${process.env.PATH}`)
    expect(wranglerD1(bin)(['--json', '--command', 'SELECT 1']).trim().split('\n')).toEqual([
      'wrangler',
      'd1',
      'execute',
      'DB',
      '--remote',
      '--json',
      '--command',
      'SELECT 1',
    ])
  })

  it("should fail with wrangler's own words, so the services can read D1's refusal", () => {
    vi.stubEnv('PATH', `${bin}:${process.env.PATH}`)
    vi.stubEnv('FAKE_WRANGLER_ERROR', 'UNIQUE constraint failed: credit_ledger.idem_key')
    expect(() => wranglerD1(bin)(['--file', 'x.sql', '--yes'])).toThrow(
      /^wrangler d1 execute failed: UNIQUE constraint failed: credit_ledger\.idem_key/
    )
  })
})
