import { startLocalStack } from '../../scripts/lib/local-stack.mjs'

/**
 * The product as `npm start` runs it, with its own throw-away state (scripts/lib/local-stack.mjs).
 * The per-user generation rate limit is lifted so the API and race measures hit the credit check,
 * not the limiter.
 */
export const startStack = async ({ assetsDir }) => {
  const stack = await startLocalStack({
    name: 'bench',
    assetsDir,
    vars: {
      BETTER_AUTH_SECRET: 'bench-only-secret-0123456789abcdef-0123456789',
      GENERATIONS_PER_MINUTE: '1000000',
    },
  })
  return {
    origin: stack.worker.origin,
    stateDir: stack.stateDir,
    distDir: assetsDir,
    simulatorUrl: stack.simulatorUrl,
    mailboxUrl: stack.mailboxUrl,
    /** Everything the Worker printed so far, its request log lines included. */
    log: stack.worker.log,
    stop: stack.stop,
  }
}
