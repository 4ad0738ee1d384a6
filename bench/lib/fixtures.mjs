import { applySql, seedGenerationsSql, signUp } from './accounts.mjs'

/** How many generations "at scale" means in the issue. */
export const LARGE = 10_000
export const SMALL = 10

/**
 * Two accounts shared by the measures that read history: `small` with 10 generations and `large`
 * with 10,000, seeded in one SQL call. Made once per run.
 */
export const seededAccounts = (() => {
  let made
  return (ctx) => {
    made ??= (async () => {
      const small = await signUp(ctx.origin, ctx.mailboxUrl)
      const large = await signUp(ctx.origin, ctx.mailboxUrl)
      await applySql(
        ctx.stateDir,
        seedGenerationsSql(small.userId, SMALL),
        seedGenerationsSql(large.userId, LARGE)
      )
      return { small, large }
    })()
    return made
  }
})()

/** Pulls `GET /api/sync` from `cursor` with the account's cookie; returns the page and its body bytes. */
export const pull = async (origin, cookie, cursor) => {
  const t0 = performance.now()
  const res = await fetch(`${origin}/api/sync?cursor=${cursor}`, { headers: { cookie } })
  const text = await res.text()
  const ms = performance.now() - t0
  if (!res.ok) throw new Error(`GET /api/sync answered ${res.status}: ${text.slice(0, 200)}`)
  return { page: JSON.parse(text), bytes: Buffer.byteLength(text), ms, text }
}

/** Pulls every page from 0 like a new device does; returns the final cursor and the totals. */
export const pullAll = async (origin, cookie) => {
  let cursor = 0
  let items = 0
  let bytes = 0
  let pages = 0
  const t0 = performance.now()
  for (;;) {
    const { page, bytes: b } = await pull(origin, cookie, cursor)
    items += page.changes.length
    bytes += b
    pages++
    cursor = page.cursor
    if (!page.hasMore) break
  }
  return { cursor, items, bytes, pages, ms: performance.now() - t0 }
}
