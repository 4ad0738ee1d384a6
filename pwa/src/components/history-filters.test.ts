import { afterEach, describe, expect, it } from 'vitest'
import type { AppHistoryFilterEvent } from '../events.ts'
import type { HistoryFilters } from './history-filters.ts'
import './history-filters.ts'

const mount = async (): Promise<HistoryFilters> => {
  const el = document.createElement('history-filters')
  el.filter = { workflow: 'all', state: 'all' }
  document.body.append(el)
  await el.updateComplete
  return el
}

describe('<history-filters>', () => {
  afterEach(() => {
    document.body.replaceChildren()
  })

  it('should offer two labelled radio groups with the docs/product.md §9.5 choices', async () => {
    const el = await mount()
    const groups = [...(el.shadowRoot?.querySelectorAll('fieldset') ?? [])].map((fieldset) => ({
      legend: fieldset.querySelector('legend')?.textContent,
      options: [...fieldset.querySelectorAll('label')].map((l) => l.textContent?.trim()),
      checked: fieldset
        .querySelector<HTMLInputElement>('input:checked')
        ?.closest('label')
        ?.textContent?.trim(),
    }))
    expect(groups).toEqual([
      { legend: 'Workflow', options: ['All', 'Product Shoot', 'Ad Graphic'], checked: 'All' },
      {
        legend: 'State',
        options: ['All', 'In progress', 'Ready', 'Failed or canceled'],
        checked: 'All',
      },
    ])
  })

  it('should report the whole new filter when one group changes', async () => {
    const el = await mount()
    const seen: AppHistoryFilterEvent['detail'][] = []
    el.addEventListener('app-history-filter', (event) => seen.push(event.detail))
    const ready = [...(el.shadowRoot?.querySelectorAll('label') ?? [])].find(
      (l) => l.textContent?.trim() === 'Ready'
    )
    ready?.querySelector('input')?.click()
    expect(seen).toEqual([{ filter: { workflow: 'all', state: 'ready' } }])
  })
})
