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

/** Page sizes of a live pull and of a catch-up, as the app's sync-pull.ts asks for them. */
const LIVE_PAGE = 100
const CATCH_UP_PAGE = 1_000

/**
 * Pulls `GET /api/sync` from `cursor` (with `limit` when given) with the account's cookie; returns
 * the page and its body bytes.
 */
export const pull = async (origin, cookie, cursor, limit) => {
  const t0 = performance.now()
  const query = limit === undefined ? `cursor=${cursor}` : `cursor=${cursor}&limit=${limit}`
  const res = await fetch(`${origin}/api/sync?${query}`, { headers: { cookie } })
  const text = await res.text()
  const ms = performance.now() - t0
  if (!res.ok) throw new Error(`GET /api/sync answered ${res.status}: ${text.slice(0, 200)}`)
  return { page: JSON.parse(text), bytes: Buffer.byteLength(text), ms, text }
}

/**
 * Pulls every page from 0 like a new device does (a live-sized first page, then catch-up pages);
 * returns the final cursor, the totals and how long the first page took.
 */
export const pullAll = async (origin, cookie) => {
  let cursor = 0
  let items = 0
  let bytes = 0
  let pages = 0
  let firstPageMs = 0
  const t0 = performance.now()
  for (;;) {
    const limit = pages === 0 ? LIVE_PAGE : CATCH_UP_PAGE
    const { page, bytes: b, ms } = await pull(origin, cookie, cursor, limit)
    if (pages === 0) firstPageMs = ms
    items += page.changes.length
    bytes += b
    pages++
    cursor = page.cursor
    if (!page.hasMore) break
  }
  return { cursor, items, bytes, pages, firstPageMs, ms: performance.now() - t0 }
}
