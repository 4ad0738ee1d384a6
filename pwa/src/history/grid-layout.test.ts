import { describe, expect, it } from 'vitest'
import {
  CARD_INFO_HEIGHT,
  columnsFor,
  GRID_GAP,
  gridLayout,
  OVERSCAN_ROWS,
  targetIndex,
  visibleWindow,
} from './grid-layout.ts'

describe('history grid layout', () => {
  it('should use 2 columns on phones and more as the grid widens', () => {
    expect([358, 700, 900, 1200].map(columnsFor)).toEqual([2, 3, 4, 5])
  })

  it('should give every row the same height: a square thumbnail, the text part and the gap', () => {
    const layout = gridLayout(358)
    expect(layout.cardWidth).toBe(Math.floor((358 - GRID_GAP) / 2))
    expect(layout.rowHeight).toBe(layout.cardWidth + CARD_INFO_HEIGHT + GRID_GAP)
  })

  it('should render only the visible rows plus the overscan of 10,000 cards', () => {
    const layout = gridLayout(358)
    const top = visibleWindow(layout, 10_000, 0, 844)
    expect(top.start).toBe(0)
    const visibleRows = Math.ceil(844 / layout.rowHeight)
    expect(top.end).toBe((visibleRows + OVERSCAN_ROWS) * 2)
    expect(visibleWindow(layout, 10_000, 0, 844, 0).end).toBe(visibleRows * 2)
    const middle = visibleWindow(layout, 10_000, -layout.rowHeight * 1000, 844)
    expect(middle.start).toBe((1000 - OVERSCAN_ROWS) * 2)
    expect(middle.end - middle.start).toBeLessThanOrEqual((visibleRows + 2 * OVERSCAN_ROWS + 1) * 2)
  })

  it('should stop at the last card and never start past it', () => {
    const layout = gridLayout(358)
    const end = visibleWindow(layout, 9_999, -layout.rowHeight * 4998, 844)
    expect(end).toEqual({ start: (4998 - OVERSCAN_ROWS) * 2, end: 9_999 })
    const past = visibleWindow(layout, 9_999, -layout.rowHeight * 6000, 844)
    expect(past.start).toBeLessThanOrEqual(past.end)
    expect(past.end).toBeLessThanOrEqual(9_999)
    expect(visibleWindow(layout, 0, 0, 844)).toEqual({ start: 0, end: 0 })
  })

  it('should move by one with left and right, by a row with up and down, and jump with Home and End', () => {
    expect(targetIndex('ArrowRight', 4, 3, 10)).toBe(5)
    expect(targetIndex('ArrowLeft', 0, 3, 10)).toBe(0)
    expect(targetIndex('ArrowDown', 4, 3, 10)).toBe(7)
    expect(targetIndex('ArrowDown', 8, 3, 10)).toBe(9)
    expect(targetIndex('ArrowUp', 1, 3, 10)).toBe(0)
    expect(targetIndex('Home', 6, 3, 10)).toBe(0)
    expect(targetIndex('End', 0, 3, 10)).toBe(9)
    expect(targetIndex('Enter', 0, 3, 10)).toBeUndefined()
  })
})
