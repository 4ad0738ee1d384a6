import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'
import { freePort } from '../scripts/lib/free-port.mjs'
import { PAYMENTS_KEY, PAYMENTS_WEBHOOK_SECRET } from '../scripts/lib/payments.mjs'

const here = import.meta.dirname

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(here, '../drizzle'))
  // The Worker's bindings are fixed here, so the mailbox's and the Stripe simulator's ports are
  // chosen here too; the global setups (test/mailbox-setup.ts, test/payments-setup.ts, same
  // process) listen on them.
  const mailboxPort = Number(process.env.ADDREAMS_TEST_MAILBOX_PORT ?? (await freePort()))
  process.env.ADDREAMS_TEST_MAILBOX_PORT = String(mailboxPort)
  const paymentsPort = Number(process.env.ADDREAMS_TEST_PAYMENTS_PORT ?? (await freePort()))
  process.env.ADDREAMS_TEST_PAYMENTS_PORT = String(paymentsPort)
  return {
    plugins: [
      cloudflareTest({
        main: path.join(here, 'src/index.ts'),
        wrangler: { configPath: path.join(here, 'wrangler.jsonc') },
        miniflare: {
          // Jobs in these tests run when a test runs them (jobs/*.test.ts), never behind another
          // test's back: the consumer waits for a batch of 100 or 60 s, longer than a test file.
          queueConsumers: { 'addreams-generations': { maxBatchSize: 100, maxBatchTimeout: 60 } },
          bindings: {
            TEST_MIGRATIONS: migrations,
            BETTER_AUTH_SECRET: 'test-only-secret-0123456789abcdef-0123456789',
            RESEND_API_KEY: 're_test',
            RESEND_BASE_URL: `http://127.0.0.1:${mailboxPort}`,
            STRIPE_API_BASE: `http://127.0.0.1:${paymentsPort}`,
            STRIPE_SECRET_KEY: PAYMENTS_KEY,
            STRIPE_WEBHOOK_SECRET: PAYMENTS_WEBHOOK_SECRET,
          },
        },
      }),
    ],
    test: {
      name: 'backend',
      silent: 'passed-only' as const,
      // Fuzz and concurrency tests make hundreds of requests; on a busy 2-core machine that can
      // pass 5 s. Tests check behaviour, not time, so the limit only catches a hang.
      testTimeout: 30_000,
      setupFiles: [path.join(here, 'test/apply-migrations.ts')],
      globalSetup: [
        path.join(here, 'test/simulator-setup.ts'),
        path.join(here, 'test/mailbox-setup.ts'),
        path.join(here, 'test/payments-setup.ts'),
      ],
      include: [path.join(here, 'src/**/*.test.ts')],
      exclude: [path.join(here, 'src/**/*.node.test.ts')],
    },
  }
})
