// The usage report as the tables an operator reads: generations, images and cost, money.
import { generationStatusSchema, PROVIDER_PRICES } from '@app/shared-types'
import type { UsageDay, UsageReport } from '../../src/services/usage-report.ts'
import { formatMoney, formatTable } from './table.ts'

const STATES = generationStatusSchema.options

const priceOf = (model: string) =>
  (PROVIDER_PRICES as Record<string, { usdPerImage: number } | undefined>)[model]?.usdPerImage

const moneyByCurrency = (rows: { currency: string; amount: number }[]) =>
  rows.map((row) => formatMoney(row.amount, row.currency)).join(', ') || '0'

const sum = <T>(rows: T[], pick: (row: T) => number) =>
  rows.reduce((total, row) => total + pick(row), 0)

const generationRows = (days: UsageDay[]) =>
  days.flatMap(({ day, generations }) => {
    const keys = [...new Set(generations.map((g) => `${g.workflow} ${g.model}`))]
    return keys.map((key) => {
      const [workflow = '', model = ''] = key.split(' ')
      const counts = STATES.map(
        (state) =>
          generations.find(
            (g) => g.workflow === workflow && g.model === model && g.status === state
          )?.count ?? 0
      )
      return [day, workflow, model, ...counts, sum(counts, (n) => n)]
    })
  })

const imageRows = (days: UsageDay[]) =>
  days.flatMap(({ day, images }) =>
    [...new Set(images.map((i) => i.model))].map((model) => {
      const real = images.find((i) => i.model === model && !i.simulated)?.count ?? 0
      const simulated = images.find((i) => i.model === model && i.simulated)?.count ?? 0
      const price = priceOf(model)
      return [
        day,
        model,
        real,
        simulated,
        price === undefined ? 'no price' : price.toFixed(3),
        price === undefined ? '?' : (price * real).toFixed(3),
      ]
    })
  )

const moneyRows = (days: UsageDay[]) =>
  days.map((d) => [
    d.day,
    d.refunds.count,
    d.refunds.credits,
    sum(d.purchases, (p) => p.count),
    sum(d.purchases, (p) => p.credits),
    moneyByCurrency(d.purchases),
    sum(d.reversals, (r) => r.count),
    sum(d.reversals, (r) => r.creditsTakenBack),
    sum(d.reversals, (r) => r.shortfall),
    moneyByCurrency(d.reversals),
    d.estimatedCostUsd.toFixed(3),
  ])

const revenueTotal = (days: UsageDay[]) => {
  const byCurrency = new Map<string, number>()
  for (const p of days.flatMap((d) => d.purchases))
    byCurrency.set(p.currency, (byCurrency.get(p.currency) ?? 0) + p.amount)
  return moneyByCurrency([...byCurrency].map(([currency, amount]) => ({ currency, amount })))
}

/** The report as text: three tables, then the totals and what the estimate leaves out. */
export const formatUsage = ({ from, to, days, unpricedModels }: UsageReport): string => {
  const generations = generationRows(days)
  const images = imageRows(days)
  const total = {
    generations: sum(days, (d) => sum(d.generations, (g) => g.count)),
    images: sum(days, (d) => sum(d.images, (i) => (i.simulated ? 0 : i.count))),
    cost: sum(days, (d) => d.estimatedCostUsd),
  }
  return [
    `Usage from ${from} to ${to} (UTC days)`,
    '',
    'Generations by workflow, model and state (by the day they were requested):',
    generations.length > 0
      ? formatTable(['day', 'workflow', 'model', ...STATES, 'total'], generations)
      : '  none',
    '',
    'Images delivered and the estimated provider cost (USD; simulated images cost nothing):',
    images.length > 0
      ? formatTable(['day', 'model', 'images', 'simulated', 'usd/image', 'est. cost'], images)
      : '  none',
    '',
    'Refunds, purchases and reversals (amounts in the currency they were paid in):',
    formatTable(
      [
        'day',
        'refunds',
        'credits',
        'purchases',
        'credits',
        'revenue',
        'reversals',
        'taken back',
        'shortfall',
        'reversed',
        'est. cost',
      ],
      moneyRows(days)
    ),
    '',
    `Total: ${total.generations} generation(s), ${total.images} image(s) delivered, revenue ${revenueTotal(days)}, estimated provider cost ${total.cost.toFixed(3)} usd`,
    ...(unpricedModels.length > 0
      ? [`Not in the estimate (no price in PROVIDER_PRICES): ${unpricedModels.join(', ')}`]
      : []),
  ].join('\n')
}
