import { existsSync } from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { startLocalStack } from '../../scripts/lib/local-stack.mjs'
import { root } from '../../scripts/lib/paths.mjs'
import { run } from '../../scripts/lib/process.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    stateDir: string
    simulatorUrl: string
    mailboxUrl: string
    paymentsUrl: string
  }
}

/**
 * Starts the product the way `npm start` does (scripts/lib/local-stack.mjs) on a free port with its
 * own state, so the browser tests never touch a developer's data.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, 'pwa/dist/index.html'))) {
    await run('npm', ['run', 'build', '-w', '@app/pwa', '--silent'], { quiet: true })
  }
  const stack = await startLocalStack({
    name: 'e2e',
    vars: {
      BETTER_AUTH_SECRET: 'e2e-only-secret-0123456789abcdef-0123456789',
      // Every browser of the suite reaches wrangler dev from one address, so they would share one
      // client's auth calls and run out mid-suite; the backend tests cover the limits themselves.
      RATE_LIMIT_AUTH: '1000000/60',
    },
  })
  const { worker } = stack
  // A Worker that dies mid-run fails every later test with a refused connection; say why.
  let stopping = false
  worker.child.on('exit', (code: number | null) => {
    if (!stopping) console.error(`The e2e Worker exited (${code}):\n${worker.log().slice(-8000)}`)
  })
  project.provide('baseUrl', worker.origin)
  project.provide('stateDir', stack.stateDir)
  project.provide('simulatorUrl', stack.simulatorUrl)
  project.provide('mailboxUrl', stack.mailboxUrl)
  project.provide('paymentsUrl', stack.paymentsUrl)
  return async () => {
    stopping = true
    await stack.stop()
  }
}
