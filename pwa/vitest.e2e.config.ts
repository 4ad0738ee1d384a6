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
  },
})
