import { defineConfig } from 'vitest/config'
import pkg from './package.json' with { type: 'json' }

// Paths resolve from the current directory, not this file's, so anchor them here (stack.md §5.3).
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
    // tokens.test.ts reads tokens.css?raw; Vitest empties CSS unless it is included here.
    css: { include: [/tokens\.css/] },
  },
})
