import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportedValues, runtimeImports } from './pwa-imports.ts'

const root = path.join(import.meta.dirname, '../..')
const pwaDir = path.join(root, 'pwa/src')
const sharedDir = path.join(root, 'shared-types/src')

/**
 * What History's first card needs: the entry (with the start's read, history-start.ts) and the
 * page (docs/architecture.md §7). The frame's data layer loads after the first paint.
 */
const HISTORY_START = ['main.ts', 'pages/page-history.ts']

/** What a signed-out visit to a private page draws: the entry and the sign-in pages. */
const SIGNED_OUT_START = ['main.ts', 'pages/page-sign-in.ts', 'pages/page-sign-up.ts']

/**
 * What the first card must not wait for: Dexie (and the queries over it), zod, the sync engine,
 * the code that makes thumbnails, and the common-password list only the password forms need.
 */
const LATER = [
  'dexie',
  'pwa/src/data/db.ts',
  'pwa/src/data/frame.ts',
  'zod',
  'pwa/src/data/sync-engine.ts',
  'pwa/src/data/thumbnails.ts',
  'shared-types/src/common-passwords.ts',
]

// shared-types has `"sideEffects": false`, so the bundler takes from its barrel only the modules
// that export a name the PWA uses; the walk follows the same names.
const sharedModules = readdirSync(sharedDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => path.join(sharedDir, file))
const exporterOf = new Map(
  sharedModules.flatMap((file) => exportedValues(file).map((name) => [name, file] as const))
)

/** A module of ours by path, or a package by its specifier (`zod`, `zod/mini`, `dexie`). */
const staticImports = (file: string): string[] =>
  runtimeImports(file)
    .filter(({ dynamic }) => !dynamic)
    .flatMap(({ specifier, names }) => {
      if (specifier.startsWith('.')) {
        const to = path.resolve(path.dirname(file), specifier)
        return to.endsWith('.ts') ? [to] : []
      }
      if (specifier !== '@app/shared-types') return [specifier]
      if (!names) return [path.join(sharedDir, 'index.ts')]
      return names.map((name) => exporterOf.get(name) ?? path.join(sharedDir, 'index.ts'))
    })

const label = (node: string): string => (path.isAbsolute(node) ? path.relative(root, node) : node)

/** Every module a start from `roots` evaluates, each with the chain of imports that brings it in. */
const reachedFrom = (roots: readonly string[]): Map<string, string[]> => {
  const chains = new Map<string, string[]>()
  const queue = roots.map((file) => path.join(pwaDir, file))
  for (const file of queue) chains.set(file, [label(file)])
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i] as string
    if (!path.isAbsolute(at)) continue
    for (const next of staticImports(at)) {
      if (chains.has(next)) continue
      chains.set(next, [...(chains.get(at) ?? []), label(next)])
      queue.push(next)
    }
  }
  return chains
}

/** The chains by which `reached` brings in `module` (a path, or a package and its subpaths). */
const chainsTo = (reached: Map<string, string[]>, module: string): string[] =>
  [...reached.entries()]
    .filter(([node]) => label(node) === module || label(node).startsWith(`${module}/`))
    .map(([, chain]) => chain.join(' → '))

describe("History's first card", () => {
  const reached = reachedFrom(HISTORY_START)

  it('should read the imports at all (the walk reached the start, the cards and the error codes)', () => {
    expect(chainsTo(reached, 'pwa/src/data/history-start.ts')).not.toEqual([])
    expect(chainsTo(reached, 'pwa/src/components/history-card.ts')).not.toEqual([])
    expect(chainsTo(reached, 'shared-types/src/error-codes.ts')).not.toEqual([])
  })

  it.each(LATER)('should not load %s', (module) => {
    expect(chainsTo(reached, module)).toEqual([])
  })
})

describe('A signed-out visit to a private page', () => {
  const reached = reachedFrom(SIGNED_OUT_START)

  it('should read the imports at all (the walk reached the forms and the API client)', () => {
    expect(chainsTo(reached, 'pwa/src/components/app-auth-form.ts')).not.toEqual([])
    expect(chainsTo(reached, 'pwa/src/data/api.ts')).not.toEqual([])
  })

  // On a device that never stored anything, app-root's guard decides without the data layer.
  it.each(['zod', 'dexie', 'pwa/src/data/session.ts'])('should not load %s', (module) => {
    expect(chainsTo(reached, module)).toEqual([])
  })
})
