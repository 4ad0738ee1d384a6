import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runtimeImports } from './pwa-imports.ts'

const root = path.join(import.meta.dirname, '../..')
const srcDir = path.join(root, 'pwa/src')

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return walk(full)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : []
  })

/**
 * The pwa/src modules a file loads. Dynamic `import()` counts: a lazily loaded chunk that imports
 * its loader back still makes the bundler order (and share) the two modules' code, and what each
 * sees at start-up then depends on which one was loaded first.
 */
const localImports = (file: string): string[] =>
  runtimeImports(file)
    .map(({ specifier }) => specifier)
    .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
    .map((specifier) => path.resolve(path.dirname(file), specifier))

const files = walk(srcDir)
const known = new Set(files)
const graph = new Map(files.map((file) => [file, localImports(file).filter((to) => known.has(to))]))
const name = (file: string): string => path.relative(srcDir, file)

/** The shortest way from `start` back to itself, as a list of modules, if there is one. */
const shortestCycle = (start: string): string[] | undefined => {
  const cameFrom = new Map<string, string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i] as string
    for (const next of graph.get(at) ?? []) {
      if (next === start) {
        const cycle = [at]
        while (cycle[0] !== start) cycle.unshift(cameFrom.get(cycle[0] as string) as string)
        return cycle
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, at)
        queue.push(next)
      }
    }
  }
  return undefined
}

// One line per distinct cycle: the shortest one through each module, written from its first
// module in sort order so that the same loop found from two of its modules is listed once.
const cycles = [
  ...new Set(
    files.flatMap((file) => {
      const cycle = shortestCycle(file)
      if (!cycle) return []
      const names = cycle.map(name)
      const first = names.indexOf([...names].sort()[0] as string)
      const rotated = [...names.slice(first), ...names.slice(0, first)]
      return [[...rotated, rotated[0]].join(' → ')]
    })
  ),
].sort()

describe('imports in pwa/src', () => {
  it('should read the imports at all (the walk reached the sources)', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(graph.get(path.join(srcDir, 'app-root.ts'))).toContain(path.join(srcDir, 'router.ts'))
  })

  it('should form no cycle', () => {
    expect(cycles).toEqual([])
  })
})
