import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      'shared-types/vitest.config.ts',
      'backend/vitest.config.ts',
      'backend/vitest.node.config.ts',
      'pwa/vitest.config.ts',
      'pwa/vitest.e2e.config.ts',
    ],
  },
})
