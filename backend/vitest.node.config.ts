import path from 'node:path'
import { defineConfig } from 'vitest/config'

const here = import.meta.dirname

// Backend checks that need Node rather than workerd (e.g. Ajv, which compiles validators with `new Function`).
export default defineConfig({
  test: {
    name: 'backend-node',
    environment: 'node',
    include: [
      path.join(here, 'src/**/*.node.test.ts'),
      path.join(here, 'test/**/*.node.test.ts'),
      path.join(here, 'simulator/**/*.node.test.ts'),
      path.join(here, 'mailbox/**/*.node.test.ts'),
    ],
  },
})
