/** The version in pwa/package.json, injected at build time by `define` in vite.config.ts. */
declare const __APP_VERSION__: string
