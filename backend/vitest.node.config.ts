import path from 'node:path'
import { defineConfig } from 'vitest/config'

const here = import.meta.dirname

// Backend checks that need Node rather than workerd (e.g. Ajv, which compiles validators with `new Function`).
export default defineConfig({
  // Route files import `cloudflare:workers`, which only workerd provides.
  resolve: { alias: { 'cloudflare:workers': path.join(here, 'test/cloudflare-workers-node.ts') } },
  test: {
    name: 'backend-node',
    environment: 'node',
    include: [
      path.join(here, 'src/**/*.node.test.ts'),
      path.join(here, 'test/**/*.node.test.ts'),
      path.join(here, 'simulator/**/*.node.test.ts'),
      path.join(here, 'mailbox/**/*.node.test.ts'),
      path.join(here, 'payments/**/*.node.test.ts'),
    ],
  },
})
