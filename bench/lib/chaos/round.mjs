import { signUp } from '../accounts.mjs'
import { postGeneration, statusOf, TERMINAL } from './client.mjs'
import { startProduct } from './product.mjs'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const between = (min, max) => min + Math.random() * (max - min)

/**
 * Where a round's crash aims. `queued` kills right after the server accepted; `call` while the
 * provider call runs; `download` while the job retries its result downloads (the simulator refuses
 * the first two); `anywhere` at a random moment, which also lands in the final batch.
 */
export const TARGETS = ['queued', 'call', 'download', 'anywhere']

/** Polls until every generation is terminal or `timeoutMs` passes; returns each one's time. */
const untilTerminal = async (origin, made, timeoutMs) => {
  const started = performance.now()
  const times = new Map()
  while (times.size < made.length && performance.now() - started < timeoutMs) {
    for (const g of made) {
      if (times.has(g.id)) continue
      const status = await statusOf(origin, g.cookie, g.id)
      if (TERMINAL.includes(status)) times.set(g.id, { status, ms: performance.now() - started })
    }
    await sleep(500)
  }
  return made.map((g) => ({ id: g.id, ...(times.get(g.id) ?? { status: 'stuck', ms: timeoutMs }) }))
}

/**
 * One round: start the product, make a product shoot and an ad graphic that take `slowMs` at the
 * provider, crash every process of the product at the round's target, start it again on the same
 * state, and wait (up to `boundMs`) until both are terminal. Stops the product at the end.
 */
export const runRound = async (ctx, round) => {
  const target = TARGETS[round % TARGETS.length]
  const slowMs = Math.round(between(2_000, 6_000))
  const markers = `[sim:slow:${slowMs}]${target === 'download' ? ' [sim:result-download:2]' : ''}`
  const vars = {
    ...ctx.vars,
    // Every other round runs the ad graphic on the async-task model, whose task is resumed.
    AD_GRAPHIC_MODEL: round % 2 === 0 ? 'qwen-image-max' : 'qwen-image-plus',
  }
  const first = await startProduct({ ...ctx, vars })
  const user = await signUp(first.origin, ctx.mailboxUrl)
  const made = []
  for (const [request, references] of [
    [
      { workflow: 'product-shoot', prompt: `Chaos ${round}: on marble ${markers}`, n: 1 },
      [ctx.photo],
    ],
    [
      { workflow: 'ad-graphic', prompt: `Chaos ${round}: a poster ${markers}`, size: '1328*1328' },
      [],
    ],
  ]) {
    made.push({
      id: await postGeneration(first.origin, user.cookie, request, references),
      cookie: user.cookie,
    })
  }
  const accepted = performance.now()
  if (target === 'queued') await sleep(between(0, 300))
  else {
    while (
      performance.now() - accepted < 20_000 &&
      (await statusOf(first.origin, user.cookie, made[0].id)) !== 'running'
    )
      await sleep(100)
    if (target === 'call') await sleep(between(0.2, 0.8) * slowMs)
    else if (target === 'download') await sleep(slowMs + between(300, 2_500))
    else await sleep(between(0, slowMs + 3_000))
  }
  const before = await Promise.all(made.map((g) => statusOf(first.origin, g.cookie, g.id)))
  await first.crash()
  const second = await startProduct({ ...ctx, vars })
  const outcomes = await untilTerminal(second.origin, made, ctx.boundMs)
  await second.stop()
  return { round, target, slowMs, before, outcomes }
}
