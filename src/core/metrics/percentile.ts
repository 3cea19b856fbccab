/**
 * The p-th percentile (0 ≤ p ≤ 1) of `values` by linear interpolation between closest ranks
 * (Hyndman & Fan type 7: Excel's PERCENTILE.INC, NumPy's default): with the values sorted
 * ascending as x[0..n-1], h = (n − 1)·p and the result is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * Null for no values.
 *
 * @example
 *   percentile([1, 2, 3, 4], 0.5) // 2.5 (the median)
 *   percentile([1, 2, 3, 4], 0.9) // h = 2.7 → 3 + 0.7·(4 − 3) = 3.7
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const h = (sorted.length - 1) * p
  const low = Math.floor(h)
  const lower = sorted[low] as number
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] as number
  return lower + (h - low) * (upper - lower)
}

/** The median: the middle value, or the mean of the two middle values. Null for no values. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5)
}
