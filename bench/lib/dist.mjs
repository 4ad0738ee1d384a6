import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** Raw and gzip (zlib level 9, as static hosts pre-compress) bytes of one file of the build. */
export const fileSizes = async (distDir, relative) => {
  const bytes = await readFile(path.join(distDir, relative))
  return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength }
}

/** The URLs workbox precaches, read from the manifest vite-plugin-pwa injected into sw.js. */
export const precacheUrls = async (distDir) => {
  const sw = await readFile(path.join(distDir, 'sw.js'), 'utf8')
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1])
}

/** The classic script sw.js imports at install and evaluates only for Background Sync and shares. */
export const workerDataScript = async (distDir) => {
  const sw = await readFile(path.join(distDir, 'sw.js'), 'utf8')
  return sw.match(/assets\/worker-data-[0-9a-f]+\.js/)?.[0]
}

export const KiB = 1024
