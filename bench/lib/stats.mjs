/** The q-quantile (0–1) of a list of numbers, nearest-rank; NaN for an empty list. */
export const quantile = (values, q) => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank]
}

export const median = (values) => quantile(values, 0.5)

/** Rounds for display: 3 significant digits below 100, whole numbers above. */
export const round = (value) => {
  if (!Number.isFinite(value)) return value
  if (Math.abs(value) >= 100) return Math.round(value)
  return Number(value.toPrecision(3))
}
