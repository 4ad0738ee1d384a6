import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { devVarsPath } from './paths.mjs'

/**
 * Makes sure backend/.dev.vars holds a BETTER_AUTH_SECRET. A fresh clone has none, so a local-only
 * secret is generated (never used anywhere but this machine) and the user is told.
 */
export const ensureDevVars = () => {
  const current = existsSync(devVarsPath) ? readFileSync(devVarsPath, 'utf8') : ''
  if (/^BETTER_AUTH_SECRET=.{32,}$/m.test(current)) return
  const secret = randomBytes(32).toString('base64url')
  const kept = current
    .split('\n')
    .filter((line) => line && !line.startsWith('BETTER_AUTH_SECRET='))
    .join('\n')
  writeFileSync(devVarsPath, `${kept ? `${kept}\n` : ''}BETTER_AUTH_SECRET=${secret}\n`)
  console.log(
    `No BETTER_AUTH_SECRET in backend/.dev.vars: generated a local-only one there. See .dev.vars.example for the other settings.`
  )
}

/** Reads backend/.dev.vars as key/value pairs (empty values count as unset). */
export const readDevVars = () => {
  if (!existsSync(devVarsPath)) return {}
  return Object.fromEntries(
    readFileSync(devVarsPath, 'utf8')
      .split('\n')
      .map((line) => line.match(/^([A-Z0-9_]+)=(.*)$/))
      .filter((match) => match && match[2].trim() !== '')
      .map((match) => [match[1], match[2].trim()])
  )
}
