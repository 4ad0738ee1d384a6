import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { devVarsPath } from './paths.mjs'

/** The key/value pairs of a .dev.vars text, unquoted as wrangler reads them; empty ones are unset. */
export const parseDevVars = (text) =>
  Object.fromEntries(Object.entries(parseEnv(text)).filter(([, value]) => value.trim() !== ''))

/** Reads backend/.dev.vars (see `parseDevVars`). */
export const readDevVars = () =>
  existsSync(devVarsPath) ? parseDevVars(readFileSync(devVarsPath, 'utf8')) : {}

/**
 * Makes sure backend/.dev.vars holds a BETTER_AUTH_SECRET, unless this run is `given` one (as a
 * --var). A fresh clone has none, so a local-only secret is generated (never used anywhere but this
 * machine) and the user is told. A run that is given one (the chaos test's) leaves the file alone,
 * so that tests never write into a developer's settings.
 */
export const ensureDevVars = ({ given = {}, file = devVarsPath } = {}) => {
  if ((given.BETTER_AUTH_SECRET ?? '').length >= 32) return
  const current = existsSync(file) ? readFileSync(file, 'utf8') : ''
  if ((parseDevVars(current).BETTER_AUTH_SECRET ?? '').length >= 32) return
  const secret = randomBytes(32).toString('base64url')
  const kept = current
    .split('\n')
    .filter((line) => line && !line.startsWith('BETTER_AUTH_SECRET='))
    .join('\n')
  writeFileSync(file, `${kept ? `${kept}\n` : ''}BETTER_AUTH_SECRET=${secret}\n`)
  console.log(
    `No BETTER_AUTH_SECRET in backend/.dev.vars: generated a local-only one there. See .dev.vars.example for the other settings.`
  )
}
