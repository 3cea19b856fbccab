/** Rounds half away from zero to `digits` decimals, without binary artefacts (`1.005` → `1.01`). */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits
  const rounded = Math.round(Math.abs(value) * factor * (1 + Number.EPSILON)) / factor
  return Math.sign(value) * rounded || 0
}
