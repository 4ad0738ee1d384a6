/** The version in pwa/package.json, injected at build time by `define` in vite.config.ts. */
declare const __APP_VERSION__: string

/** The path of the service worker's Dexie and sync script (build/worker-data-plugin.ts). */
declare module 'virtual:worker-data-url' {
  const url: string
  export default url
}
