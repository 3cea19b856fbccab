const BARS = '▁▂▃▄▅▆▇█'

/**
 * A unicode sparkline: one bar per value, scaled to the largest (0 is the lowest bar, the largest
 * the highest). Empty for no values.
 *
 * @example
 *   sparkline([0, 1, 2, 4]) // '▁▃▅█'  (0 → 0/4·7 = 0, 1 → 1.75 → 2, 2 → 3.5 → 4, 4 → 7)
 */
export function sparkline(values: readonly number[]): string {
  // A loop, not Math.max(...values): spreading 100k+ values overflows the stack.
  let max = 0
  for (const value of values) if (value > max) max = value
  return values
    .map((value) => {
      const index = max === 0 ? 0 : Math.round((Math.max(0, value) / max) * (BARS.length - 1))
      return BARS[index] ?? BARS[0]
    })
    .join('')
}
