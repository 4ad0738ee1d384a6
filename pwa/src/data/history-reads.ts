import { afterPaint } from '../after-paint.ts'

/** The queries History's views follow (history-source.ts), which bring Dexie with them. */
export type HistoryReads = typeof import('./history-source.ts')

/**
 * Loads History's queries; after the next paint when `afterFirstCards` (the view draws cards read
 * with the start, and Dexie must not compete with them), else at once.
 */
export const loadHistoryReads = async (afterFirstCards: boolean): Promise<HistoryReads> => {
  if (afterFirstCards) await afterPaint()
  return import('./history-source.ts')
}
