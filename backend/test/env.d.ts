declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
  }
  // Types `exports.default` from `cloudflare:workers` as the Worker's own default export.
  interface GlobalProps {
    mainModule: typeof import('../src/index.ts')
  }
}
