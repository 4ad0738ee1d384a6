import { expect, it, vi } from 'vitest'

const requested = vi.hoisted(() => ({ historyPage: false }))

vi.mock('./pages/page-history.ts', () => {
  requested.historyPage = true
  return {}
})

it("should begin loading History's page module when the visit opens History", async () => {
  window.history.replaceState(null, '', '/history')
  await import('./start-early.ts')
  await expect.poll(() => requested.historyPage).toBe(true)
})
