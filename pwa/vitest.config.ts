import { defineConfig } from 'vitest/config'
import pkg from './package.json' with { type: 'json' }

// Paths resolve from the current directory, not this file's, so anchor them here
// (docs/stack.md §3.1).
const root = import.meta.dirname

export default defineConfig({
  root,
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  test: {
    name: 'pwa',
    root,
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['src/**/*.test.ts'],
    // The first load of a page module is transformed on the fly, which on a busy 2-core machine
    // (CI runs every project at once) can pass 5 s. Tests check behaviour, not time.
    testTimeout: 30_000,
    // tokens.test.ts reads tokens.css?raw; Vitest empties CSS unless it is included here.
    css: { include: [/tokens\.css/] },
  },
})
