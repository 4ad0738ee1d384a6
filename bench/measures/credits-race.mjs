import { signUp } from '../lib/accounts.mjs'
import { generationRequest } from '../lib/generate.mjs'
import { statusText } from '../lib/load.mjs'
import { figure } from '../lib/report.mjs'

const BURST = 200

export const title = '8. Credits race'
export const about = `${BURST} ad-graphic requests (distinct Idempotency-Keys) sent at once by a new account, whose ad-graphic balance is 1.`

export const run = async (ctx) => {
  const account = await signUp(ctx.origin, ctx.mailboxUrl)
  const requests = Array.from({ length: BURST }, (_, i) =>
    generationRequest(ctx.origin, account.cookie, `Race ${i}`)
  )
  const unexpected = []
  const t0 = performance.now()
  const statuses = await Promise.all(
    requests.map(async ([url, init]) => {
      try {
        const res = await fetch(url, init)
        const body = await res.text()
        if (res.status !== 202 && res.status !== 402)
          unexpected.push(`${res.status} ${body.slice(0, 160)}`)
        return res.status
      } catch {
        return 'network error'
      }
    })
  )
  const ms = performance.now() - t0
  const counts = {}
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1
  const me = await (
    await fetch(`${ctx.origin}/api/me`, { headers: { cookie: account.cookie } })
  ).json()
  return [
    figure({
      name: `Accepted (202) of ${BURST} concurrent requests`,
      value: counts[202] ?? 0,
      budget: { op: '==', limit: 1 },
      note: `${statusText(counts)}${unexpected.length ? `; other than 202/402: ${unexpected.slice(0, 2).join(' | ')}` : ''}`,
    }),
    figure({
      name: 'Ad-graphic balance after the burst',
      value: me.balances['ad-graphic'],
      budget: { op: '==', limit: 0 },
    }),
    figure({ name: 'Whole burst, first send to last answer', value: ms, unit: 'ms' }),
  ]
}
