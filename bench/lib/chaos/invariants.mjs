import path from 'node:path'
import { getPlatformProxy } from 'wrangler'
import { backendDir } from '../../../scripts/lib/paths.mjs'

const all = async (db, sql) => (await db.prepare(sql).all()).results

/**
 * Opens the product's state (while it is stopped) and lists every broken promise: a generation not
 * terminal, a balance that is not the sum of its ledger, a second refund, a call sent a third time,
 * an R2 object with no row or a row with no object, and more images billed by the simulator than
 * were delivered plus the calls that went unanswered.
 */
export const checkInvariants = async (stateDir, billedImages) => {
  const proxy = await getPlatformProxy({
    configPath: path.join(backendDir, 'wrangler.jsonc'),
    persist: { path: path.join(stateDir, 'v3') },
  })
  try {
    const db = proxy.env.DB
    const violations = []
    for (const row of await all(
      db,
      "SELECT id, status FROM generation WHERE status IN ('queued', 'running')"
    )) {
      violations.push(`generation ${row.id} is still ${row.status}`)
    }
    for (const row of await all(
      db,
      `SELECT b.user_id, b.workflow, b.balance, COALESCE(SUM(l.delta), 0) AS total
         FROM credit_balance b LEFT JOIN credit_ledger l
           ON l.user_id = b.user_id AND l.workflow = b.workflow
        GROUP BY b.user_id, b.workflow HAVING b.balance != total`
    )) {
      violations.push(
        `balance ${row.balance} ≠ ledger ${row.total} for ${row.user_id} ${row.workflow}`
      )
    }
    for (const row of await all(
      db,
      "SELECT generation_id, count(*) AS n FROM credit_ledger WHERE reason = 'refund' GROUP BY generation_id HAVING n > 1"
    )) {
      violations.push(`generation ${row.generation_id} refunded ${row.n} times`)
    }
    for (const row of await all(
      db,
      "SELECT g.id FROM generation g WHERE g.refunded > 0 AND NOT EXISTS (SELECT 1 FROM credit_ledger l WHERE l.idem_key = 'refund:' || g.id AND l.delta = g.refunded)"
    )) {
      violations.push(`generation ${row.id} says refunded but its ledger has no matching refund`)
    }
    for (const row of await all(
      db,
      'SELECT id, unanswered_calls FROM generation WHERE unanswered_calls > 2'
    )) {
      violations.push(`generation ${row.id} left ${row.unanswered_calls} calls unanswered`)
    }
    const keys = new Set(
      (await all(db, 'SELECT r2_key FROM generation_image')).map((r) => r.r2_key)
    )
    const objects = []
    let cursor
    do {
      const page = await proxy.env.BUCKET.list({ prefix: 'users/', cursor })
      objects.push(...page.objects.map((o) => o.key))
      cursor = page.truncated ? page.cursor : undefined
    } while (cursor)
    for (const key of objects) if (!keys.has(key)) violations.push(`R2 object ${key} has no row`)
    for (const key of keys)
      if (!objects.includes(key)) violations.push(`row ${key} has no R2 object`)
    const [delivered] = await all(
      db,
      "SELECT (SELECT count(*) FROM generation_image WHERE kind = 'output') AS images, (SELECT COALESCE(SUM(cost * unanswered_calls), 0) FROM generation) AS unanswered"
    )
    if (billedImages > delivered.images + delivered.unanswered) {
      violations.push(
        `the provider billed ${billedImages} images; ${delivered.images} were delivered and ${delivered.unanswered} went to unanswered calls`
      )
    }
    const outcomes = Object.fromEntries(
      (await all(db, 'SELECT status, count(*) AS n FROM generation GROUP BY status')).map((r) => [
        r.status,
        r.n,
      ])
    )
    return { violations, outcomes, delivered: delivered.images, billed: billedImages }
  } finally {
    await proxy.dispose()
  }
}
