import { createHash } from 'node:crypto'
import { build, type Plugin } from 'vite'

const VIRTUAL_ID = 'virtual:worker-data-url'
const RESOLVED_ID = `\0${VIRTUAL_ID}`
/** The global the classic script defines; `sw.ts` reads it (as `self.addreamsWorkerData`). */
const WORKER_DATA_GLOBAL = 'addreamsWorkerData'

/**
 * A plugin for the service worker's own build. It bundles `entry` (the worker's Dexie and sync
 * code) as a separate classic script with a content hash in its name, and answers
 * `import url from 'virtual:worker-data-url'` with that script's path. The worker imports it at
 * install and evaluates it only when an event needs it, so the script every worker start parses
 * stays small. Service workers cannot `import()`, so this is the only way to load code lazily.
 */
export const workerDataPlugin = (entry: string, define: Record<string, string>): Plugin => ({
  name: 'addreams:worker-data',
  resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
  async load(id) {
    if (id !== RESOLVED_ID) return undefined
    const result = await build({
      configFile: false,
      publicDir: false,
      logLevel: 'warn',
      // Library builds keep process.env.NODE_ENV for their consumer; a worker has no `process`.
      define: { ...define, 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        write: false,
        minify: true,
        lib: {
          entry,
          formats: ['iife'],
          name: WORKER_DATA_GLOBAL,
          fileName: () => 'worker-data.js',
        },
      },
    })
    const outputs = Array.isArray(result) ? result : [result]
    const chunk = outputs
      .flatMap((output) => ('output' in output ? output.output : []))
      .find((file) => file.type === 'chunk')
    if (chunk?.type !== 'chunk') throw new Error(`No chunk was built from ${entry}`)
    const hash = createHash('sha256').update(chunk.code).digest('hex').slice(0, 10)
    const fileName = `assets/worker-data-${hash}.js`
    this.emitFile({ type: 'asset', fileName, source: chunk.code })
    return `export default ${JSON.stringify(`/${fileName}`)}`
  },
})
