import { afterEach, describe, expect, it } from 'vitest'
import type { OutboxEntry } from '../data/db.ts'
import { makeRefusedEntry } from '../data/testing/make-entry.ts'
import type { AppHistoryActionEvent } from '../events.ts'
import './history-card.ts'
import type { HistoryCard } from './history-card.ts'

const mount = async (entry: OutboxEntry): Promise<HistoryCard> => {
  const el = document.createElement('history-card')
  el.item = { kind: 'local', id: entry.id, entry }
  el.state = 'rejected'
  el.label = 'Not sent'
  document.body.append(el)
  await el.updateComplete
  return el
}

describe('<history-card>', () => {
  afterEach(() => {
    document.body.replaceChildren()
  })

  it('should offer buying credits and sending again on a card refused for lack of credits', async () => {
    const el = await mount(
      makeRefusedEntry('OUT_OF_CREDITS', { id: 'entry-1', workflow: 'product-shoot' })
    )
    const buy = el.shadowRoot?.querySelector<HTMLAnchorElement>('.refused a')
    expect(buy?.getAttribute('href')).toBe('/credits?workflow=product-shoot')
    const sent: AppHistoryActionEvent['detail'][] = []
    document.body.addEventListener('app-history-action', (event) => sent.push(event.detail))
    el.shadowRoot?.querySelector<HTMLButtonElement>('.refused button')?.click()
    expect(sent).toEqual([{ action: 'resend', id: 'entry-1' }])
  })

  it('should keep other refused cards a single link', async () => {
    const el = await mount(makeRefusedEntry('VALIDATION_FAILED'))
    expect(el.shadowRoot?.querySelector('.refused')).toBeNull()
    expect(el.shadowRoot?.querySelectorAll('a')).toHaveLength(1)
  })
})
