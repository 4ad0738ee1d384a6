/** Gap between cards, in px; the grid sets it in px so that its row maths stays exact. */
export const GRID_GAP = 12

/** Height of a card's text part under its square thumbnail, in px. */
export const CARD_INFO_HEIGHT = 112

/** Rows rendered above and below the visible ones, so fast scrolls and Tab never meet a gap. */
export const OVERSCAN_ROWS = 2

/** The grid's geometry for one width: fixed per breakpoint, so every row has the same height. */
export interface GridLayout {
  readonly columns: number
  readonly cardWidth: number
  readonly cardHeight: number
  /** Card height plus the gap: the distance from one row's top to the next. */
  readonly rowHeight: number
}

/** Columns per breakpoint: 2 on phones, then 3, 4 and 5 as the grid widens. */
export const columnsFor = (width: number): number => {
  if (width < 560) return 2
  if (width < 800) return 3
  if (width < 1040) return 4
  return 5
}

/** The layout of a grid `width` px wide. */
export const gridLayout = (width: number): GridLayout => {
  const columns = columnsFor(width)
  const cardWidth = Math.max(1, Math.floor((width - GRID_GAP * (columns - 1)) / columns))
  const cardHeight = cardWidth + CARD_INFO_HEIGHT
  return { columns, cardWidth, cardHeight, rowHeight: cardHeight + GRID_GAP }
}

/** The half-open index range `[start, end)` of the cards to render. */
export interface GridWindow {
  readonly start: number
  readonly end: number
}

/**
 * Which cards to render when the grid's top is `top` px from the viewport's top (negative once
 * scrolled past) in a viewport `viewportHeight` px tall: the visible rows plus `overscan` rows.
 */
export const visibleWindow = (
  layout: GridLayout,
  count: number,
  top: number,
  viewportHeight: number,
  overscan = OVERSCAN_ROWS
): GridWindow => {
  const rows = Math.ceil(count / layout.columns)
  const firstRow = Math.floor(Math.max(0, -top) / layout.rowHeight) - overscan
  const lastRow = Math.ceil((viewportHeight - top) / layout.rowHeight) + overscan
  const startRow = Math.min(rows, Math.max(0, firstRow))
  const endRow = Math.min(rows, Math.max(startRow, lastRow))
  const end = Math.min(count, endRow * layout.columns)
  return { start: Math.min(startRow * layout.columns, end), end }
}

/** The card a grid navigation key moves to from `index`, or undefined for other keys. */
export const targetIndex = (
  key: string,
  index: number,
  columns: number,
  count: number
): number | undefined => {
  const last = count - 1
  switch (key) {
    case 'ArrowRight':
      return Math.min(last, index + 1)
    case 'ArrowLeft':
      return Math.max(0, index - 1)
    case 'ArrowDown':
      return Math.min(last, index + columns)
    case 'ArrowUp':
      return Math.max(0, index - columns)
    case 'Home':
      return 0
    case 'End':
      return last
    default:
      return undefined
  }
}
