import { outboxErrorText } from './data/error-text.ts'
import type { HistoryItem, ItemState } from './data/history-item.ts'

/**
 * The state chip's words (docs/product.md §8). A rejected card adds its reason after "Not sent: ".
 */
export const STATE_LABELS: Readonly<Record<ItemState, string>> = {
  waiting: 'Waiting to send',
  sending: 'Sending…',
  paused: 'Sign in to send',
  rejected: 'Not sent',
  queued: 'Queued',
  running: 'Generating…',
  succeeded: 'Ready',
  failed: 'Failed',
  canceled: 'Canceled',
}

/** How a state reads at a glance: the chip's colour. */
export type StateTone = 'progress' | 'ready' | 'problem'

/** The chip tone of each state. */
export const stateTone = (state: ItemState): StateTone => {
  if (state === 'succeeded') return 'ready'
  if (state === 'failed' || state === 'canceled' || state === 'rejected') return 'problem'
  return 'progress'
}

/** "1 credit" or "N credits". */
export const credits = (n: number): string => `${n} ${n === 1 ? 'credit' : 'credits'}`

/** A price in a currency's minor unit (cents), as the user reads it: "$9.00". */
export const formatPrice = (minor: number, currency: string): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(
    minor / 100
  )

/** "N credit(s) returned." as docs/product.md §7 writes it. */
export const creditsReturned = (n: number): string => `${credits(n)} returned.`

/**
 * The label of a succeeded generation: "Ready", or, when fewer images came back than were asked
 * for, "K of N images ready. M credit(s) returned."
 */
export const readyLabel = (delivered: number, asked: number, refunded: number): string =>
  delivered < asked
    ? `${delivered} of ${asked} images ready. ${creditsReturned(refunded)}`
    : STATE_LABELS.succeeded

type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute'

const UNITS: readonly [Unit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** What English says for one unit back or ahead, where it has a word for it. */
const NEIGHBOURS: Partial<Record<Unit, readonly [past: string, future: string]>> = {
  year: ['last year', 'next year'],
  month: ['last month', 'next month'],
  week: ['last week', 'next week'],
  day: ['yesterday', 'tomorrow'],
}

/**
 * `Intl.RelativeTimeFormat('en', { numeric: 'auto' })`, written out: making the first Intl
 * formatter loads ICU's locale data, which cost History's start 40–70 ms of a throttled phone's
 * main thread before its first card (format.test.ts holds the two to the same words).
 */
const inWords = (value: number, unit: Unit): string => {
  const n = Math.abs(value)
  const neighbour = NEIGHBOURS[unit]
  if (n === 1 && neighbour) return value < 0 ? neighbour[0] : neighbour[1]
  const units = `${n} ${unit}${n === 1 ? '' : 's'}`
  return value < 0 ? `${units} ago` : `in ${units}`
}

/**
 * How long ago `iso` was, in words ("5 minutes ago", "yesterday"); under a minute is "just now".
 *
 * @example relativeTime('2026-11-22T10:00:00Z', Date.parse('2026-11-22T12:00:00Z')) // '2 hours ago'
 */
export const relativeTime = (iso: string, now = Date.now()): string => {
  const seconds = Math.round((Date.parse(iso) - now) / 1000)
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return inWords(Math.trunc(seconds / size), unit)
  }
  return 'just now'
}

/** A wire size `W*H` as the UI shows it: "1328 × 1328". */
export const formatSize = (size: string): string => size.replace('*', ' × ')

/**
 * The state label of a card (docs/product.md §8): "Not sent: {reason}" for a refused request, the
 * partial-result sentence for a generation that delivered fewer images than asked, else the
 * state's word.
 */
export const itemLabel = (item: HistoryItem, state: ItemState): string => {
  if (item.kind === 'local') {
    const { lastError, workflow } = item.entry
    if (state === 'rejected' && lastError) return outboxErrorText(lastError, workflow)
    return STATE_LABELS[state]
  }
  const { images, params, refunded } = item.generation
  if (state === 'succeeded') return readyLabel(images.length, params.n, refunded)
  return STATE_LABELS[state]
}

// The app speaks English only, so dates read in English too, like the relative times and counts
// next to them, rather than mixing the reader's locale into English sentences. Made on first use:
// History's cards need none (see inWords).
let dateTime: Intl.DateTimeFormat | undefined

/** A full date and time for details ("Nov 22, 2026, 10:04 AM"). */
export const formatDateTime = (value: Date | string): string => {
  dateTime ??= new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })
  return dateTime.format(new Date(value))
}
