import path from 'node:path'
import { defineConfig } from 'vitest/config'

const here = import.meta.dirname

// Browser and HTTP tests against the real product: built PWA, real workerd, local D1 and R2.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: [path.join(here, 'e2e/**/*.e2e.test.ts')],
    globalSetup: [path.join(here, 'e2e/global-setup.ts')],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Checks poll for what the page or the server shows next. Expect.poll's default second is
    // short for a page to react on a busy 2-core machine; a poll still ends as soon as it passes.
    expect: { poll: { timeout: 10_000 } },
  },
})
