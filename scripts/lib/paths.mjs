import path from 'node:path'

/** Absolute paths the scripts share. */
export const root = path.resolve(import.meta.dirname, '../..')
export const backendDir = path.join(root, 'backend')
export const devVarsPath = path.join(backendDir, '.dev.vars')
export const defaultStateDir = path.join(backendDir, '.wrangler', 'state')
