import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** bench/RESULTS.md. */
export const RESULTS_PATH = path.join(import.meta.dirname, '..', 'RESULTS.md')

const START = /^<!-- section: (.+) -->$/m
const END = '<!-- /section -->'

/**
 * The sections other commands wrote into RESULTS.md (`npm run chaos`), so that `npm run bench`
 * rewriting the file keeps them. Each sits between `<!-- section: title -->` and `<!-- /section -->`.
 */
export const keptSections = (markdown) => {
  const sections = []
  let rest = markdown
  for (let match = rest.match(START); match; match = rest.match(START)) {
    const from = match.index ?? 0
    const to = rest.indexOf(END, from)
    if (to < 0) break
    sections.push(rest.slice(from, to + END.length))
    rest = rest.slice(to + END.length)
  }
  return sections
}

const readResults = async () => (existsSync(RESULTS_PATH) ? readFile(RESULTS_PATH, 'utf8') : '')

/** Replaces (or appends) the section `title` of RESULTS.md with `body`. */
export const writeSection = async (title, body) => {
  const current = await readResults()
  const block = `<!-- section: ${title} -->\n## ${title}\n\n${body}\n${END}`
  const old = keptSections(current).find((s) => s.startsWith(`<!-- section: ${title} -->`))
  const next = old ? current.replace(old, block) : `${current.trimEnd()}\n\n${block}\n`
  await writeFile(RESULTS_PATH, next)
}

/** Writes the bench's own Markdown to RESULTS.md, keeping the sections other commands wrote. */
export const writeResults = async (markdown) => {
  const kept = keptSections(await readResults())
  await writeFile(RESULTS_PATH, [markdown.trimEnd(), ...kept].join('\n\n').concat('\n'))
}
