import type { ExpectedDuration } from './types.ts'

const NUMBER = '(\\d+(?:\\.\\d+)?)'
const DURATION = new RegExp(`^${NUMBER}(?:\\s*[-–]\\s*${NUMBER})?\\s*(hours?|h|business\\s+days?|days?|d)$`, 'i')

/** How a duration is written, for "expected …" messages. */
export const EXPECTED_DURATION_FORMS = 'a number or a range and a unit, e.g. `1 day`, `1-2 days`, `1-4 hours`'

/**
 * Reads an expected stage duration as a manifest writes it: a number or a range (`1-2`, an en dash
 * also works) and a unit, `hour`/`hours`/`h` (clock hours) or `day`/`days`/`d`/`business days`
 * (business days). Returns the duration, or the reason it cannot be read ("Unexpected …, expected …").
 *
 * @example
 *   parseExpectedDuration('1-2 days')  // { min: 1, max: 2, unit: 'days', text: '1-2 days' }
 *   parseExpectedDuration('2 weeks')   // { reason: 'Unexpected duration `2 weeks`, expected …' }
 */
export function parseExpectedDuration(written: string): ExpectedDuration | { reason: string } {
  const text = written.trim()
  const match = DURATION.exec(text)
  if (!match) return { reason: `Unexpected duration \`${text}\`, expected ${EXPECTED_DURATION_FORMS}` }
  const min = Number(match[1])
  const max = match[2] === undefined ? min : Number(match[2])
  if (max <= 0) return { reason: `Unexpected duration \`${text}\`, expected more than 0` }
  if (min > max) return { reason: `Unexpected range \`${text}\`, expected the smaller number first (\`${match[2]}-${match[1]}\`)` }
  const unit = (match[3] as string).toLowerCase().startsWith('h') ? 'hours' : 'days'
  return { min, max, unit, text }
}
