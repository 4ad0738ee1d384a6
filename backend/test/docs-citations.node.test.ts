import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.join(import.meta.dirname, '../..')
const docsDir = path.join(root, 'docs')
const self = path.relative(root, import.meta.filename)

const SOURCE_DIRS = ['backend', 'pwa', 'shared-types', 'scripts', 'bench']
const ROOT_FILES = ['README.md', 'vitest.config.ts', 'drizzle.config.ts']
const SKIP_DIRS = new Set(['node_modules', 'dist', '.wrangler', 'coverage', '.git'])
const SOURCE_FILE = /\.(ts|mjs|cjs|js|jsonc|css|html)$/

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP_DIRS.has(entry.name)) return []
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return walk(full)
    return SOURCE_FILE.test(entry.name) ? [full] : []
  })

const sources = [
  ...SOURCE_DIRS.flatMap((dir) => walk(path.join(root, dir))),
  ...ROOT_FILES.map((file) => path.join(root, file)),
]
  .map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8') }))
  .filter(({ file }) => file !== self)

/** Every numbered heading of every page in docs/: "5.2" for "### 5.2 Use-case presets". */
const sectionsOf = (file: string): Set<string> =>
  new Set(
    [
      ...readFileSync(path.join(docsDir, file), 'utf8').matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.? /gm),
    ].map((match) => match[1] ?? '')
  )
const docs = new Map(
  readdirSync(docsDir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => [file, sectionsOf(file)])
)

// A citation is `docs/<page>.md`, then its sections: `§5.2`, `§5.2–§5.5`, `§5 and §6`,
// `§9, §12.7`.
const CITATION = /docs\/([\w-]+\.md)((?:[\s,–]|and|§\d+(?:\.\d+)*)*)/g
const citations = sources.flatMap(({ file, text }) =>
  [...text.matchAll(CITATION)].map((match) => ({
    where: `${file}:${text.slice(0, match.index).split('\n').length}`,
    page: match[1] ?? '',
    sections: [...(match[2] ?? '').matchAll(/§(\d+(?:\.\d+)*)/g)].map((s) => s[1] ?? ''),
  }))
)

const PAGES = ['product', 'architecture', 'dashscope', 'stack', 'conventions']
// The planning documents' names without `docs/` in front, and their old "conventions §4.5" form.
const BARE = new RegExp(`(?<![\\w/])(?:${PAGES.join('|')})\\.md|\\bconventions §`, 'g')

describe('spec citations in the code', () => {
  it('should find the citations at all (the walk reached the sources)', () => {
    expect(citations.length).toBeGreaterThan(100)
  })

  it('should cite only pages that exist in docs/, and sections that are headings there', () => {
    const broken = citations.flatMap(({ where, page, sections }) => {
      const headings = docs.get(page)
      if (!headings) return [`${where}: docs/${page} does not exist`]
      return sections
        .filter((section) => !headings.has(section))
        .map((section) => `${where}: docs/${page} has no section ${section}`)
    })
    expect(broken).toEqual([])
  })

  it('should give every section sign its page: no § without docs/<page>.md before it', () => {
    const orphans = sources.flatMap(({ file, text }) => {
      const cited = [...text.matchAll(CITATION)].map((m) => [m.index, m.index + m[0].length])
      return [...text.matchAll(/§\d/g)]
        .filter(({ index }) => !cited.some(([from = 0, to = 0]) => index >= from && index < to))
        .map(({ index }) => `${file}:${text.slice(0, index).split('\n').length}`)
    })
    expect(orphans).toEqual([])
  })

  it('should cite every spec as docs/<page>.md, never by a bare name', () => {
    const bare = sources.flatMap(({ file, text }) =>
      [...text.matchAll(BARE)].map(
        (match) => `${file}:${text.slice(0, match.index).split('\n').length}: ${match[0]}`
      )
    )
    expect(bare).toEqual([])
  })
})
