// Plain-text tables for the terminal: columns padded to their widest cell, numbers to the right.

type Cell = string | number

/** The rows under their headers, one line each; numeric columns are right-aligned. */
export const formatTable = (headers: string[], rows: Cell[][]): string => {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => String(row[i] ?? '').length))
  )
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number')
  )
  const line = (cells: Cell[]) =>
    cells
      .map((cell, i) => {
        const text = String(cell ?? '')
        return numeric[i] ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0)
      })
      .join('  ')
      .trimEnd()
  return [line(headers), ...rows.map(line)].join('\n')
}

/** A time as UTC `YYYY-MM-DD HH:MM:SS`. */
export const formatTime = (time: Date) => time.toISOString().slice(0, 19).replace('T', ' ')

/** Minor units (cents) as an amount with its currency, e.g. `19.00 usd`. */
export const formatMoney = (amount: number, currency: string) =>
  `${(amount / 100).toFixed(2)} ${currency}`
