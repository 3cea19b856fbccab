/**
 * Reads a duration as written in a Deployment Timeline or Issues Encountered cell (FORMAT.md §5)
 * and returns it in minutes, or null when the text is not a duration.
 *
 * Accepted (case-insensitive, surrounding whitespace ignored):
 * - units, alone or combined: `45m`, `45 min`, `1h`, `1h 30m`, `1h30m`, `1.5h`, `90 minutes`,
 *   `2 hours`, `1d`, `30s`, `1 hour and 30 minutes`, `1h, 30m`;
 * - `h:mm` or `h:mm:ss`: `01:30` (90), `0:30` (30), `1:00:30` (60.5);
 * - ISO 8601 durations: `PT1H30M`, `PT45M`, `P1D`, `P1DT2H`, `PT0.5H`.
 *
 * A bare number (`45`) is not a duration: the unit is unknown, so it is null, never a guess.
 *
 * @example
 *   parseDuration('1h 30m') // 90
 *   parseDuration('PT2H')   // 120
 *   parseDuration('0:30')   // 30
 *   parseDuration('soon')   // null
 */
export function parseDuration(text: string): number | null {
  const source = text.trim().toLowerCase()
  if (source === '') return null
  return parseIso(source) ?? parseClock(source) ?? parseUnits(source)
}

const MINUTES_PER_UNIT: { [unit: string]: number } = {
  w: 7 * 24 * 60,
  d: 24 * 60,
  h: 60,
  m: 1,
  s: 1 / 60,
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`
const ISO = new RegExp(
  `^p(?:${NUMBER}w)?(?:${NUMBER}d)?(?:t(?:${NUMBER}h)?(?:${NUMBER}m)?(?:${NUMBER}s)?)?$`,
)

function parseIso(source: string): number | null {
  const match = ISO.exec(source)
  if (!match) return null
  const [, weeks, days, hours, minutes, seconds] = match
  if (source.endsWith('t')) return null // `P1DT` has a time designator with nothing after it
  const parts = [weeks, days, hours, minutes, seconds]
  if (parts.every((part) => part === undefined)) return null // `P` or `PT` alone
  const units = ['w', 'd', 'h', 'm', 's'] as const
  let total = 0
  parts.forEach((part, index) => {
    if (part !== undefined) total += Number(part) * (MINUTES_PER_UNIT[units[index] as string] ?? 0)
  })
  return total
}

const CLOCK = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/

function parseClock(source: string): number | null {
  const match = CLOCK.exec(source)
  if (!match) return null
  const [, hours, minutes, seconds] = match
  return Number(hours) * 60 + Number(minutes) + (seconds === undefined ? 0 : Number(seconds) / 60)
}

const UNIT_WORDS: { [word: string]: string } = {
  w: 'w', wk: 'w', wks: 'w', week: 'w', weeks: 'w',
  d: 'd', day: 'd', days: 'd',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
}

const TERM = new RegExp(`${NUMBER}\\s*([a-z]+)\\s*(?:,|and)?\\s*`, 'gy')

function parseUnits(source: string): number | null {
  TERM.lastIndex = 0
  let total = 0
  let terms = 0
  let consumed = 0
  for (let match = TERM.exec(source); match; match = TERM.exec(source)) {
    const [whole, amount, word] = match
    const unit = UNIT_WORDS[word ?? '']
    if (unit === undefined) return null
    total += Number(amount) * (MINUTES_PER_UNIT[unit] ?? 0)
    terms += 1
    consumed += whole.length
  }
  if (terms === 0 || consumed !== source.length) return null
  return total
}
