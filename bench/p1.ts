import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { corpus } from './generateCorpus.ts'
import { freshCacheDir, median, runFloor, runShiplog, type Run } from './measure.ts'
import { megabytes, ratio, seconds } from './printTable.ts'

/** One line of the results table. */
export interface Row {
  part: string
  records: number
  command: string
  runs: Run[]
  /** Paired ratios to the floor run of the same round, when compared. */
  ratios?: number[]
  target?: { max: number; label: string }
  /** Peak RSS target, in MB. */
  rssTarget?: number
}

export interface P1Options {
  sizes: number[]
  runs: number
  /** Also time today's sequential, uncached read (SHIPLOG_WORKERS=0, SHIPLOG_NO_CACHE=1) up to this size. */
  baselineUpTo: number
  log: (line: string) => void
}

/**
 * P1: cold and warm `check` and `metrics` over generated corpora, side by side with the floor (the
 * bare remark + GFM parse of the same files in one process), alternating in each round.
 */
export function runP1(options: P1Options): Row[] {
  const rows: Row[] = []
  for (const size of options.sizes) {
    options.log(`P1: ${size} records: generating the corpus…`)
    const { root, files, bytes } = corpus(size)
    options.log(`P1: ${size} records (${(bytes / 1048576).toFixed(1)} MiB) in ${root}`)
    const floor: Run[] = []
    const measured = new Map<string, Run[]>()
    const add = (name: string, run: Run): void => {
      measured.set(name, [...(measured.get(name) ?? []), run])
      options.log(`  ${name.padEnd(34)} ${seconds(run.ms).padStart(8)}  cpu ${seconds(run.cpuMs).padStart(8)}  rss ${megabytes(run.maxRssKb)}`)
    }
    for (let round = 1; round <= options.runs; round++) {
      options.log(` round ${round}/${options.runs}`)
      const f = runFloor(root, files)
      floor.push(f)
      options.log(`  ${'floor: bare remark+GFM parse'.padEnd(34)} ${seconds(f.ms).padStart(8)}  cpu ${seconds(f.cpuMs).padStart(8)}  rss ${megabytes(f.maxRssKb)}`)
      for (const command of ['check', 'metrics'] as const) {
        const args = command === 'check' ? ['--root', root, 'check', '--format', 'json'] : ['--root', root, 'metrics', '--json']
        const cache = freshCacheDir()
        try {
          add(`shiplog ${command}, cold`, runShiplog(args, { SHIPLOG_CACHE_DIR: cache.dir }))
          // A warm run parses nothing. When the parser's code changed meanwhile (others work in
          // this tree), every entry is stale and the run is cold again: measure once more.
          for (let attempt = 1; ; attempt++) {
            const before = cacheEntries(cache.dir)
            const warm = runShiplog(args, { SHIPLOG_CACHE_DIR: cache.dir })
            const after = cacheEntries(cache.dir)
            if ([...after].every((name) => before.has(name)) || attempt === 3) {
              add(`shiplog ${command}, warm`, warm)
              break
            }
            options.log(`  (the parser's code changed during the warm run: ${after.size} new cache entries; measuring it again)`)
          }
        } finally {
          cache.remove()
        }
      }
      if (size <= options.baselineUpTo) {
        add('shiplog check, sequential, no cache', runShiplog(['--root', root, 'check', '--format', 'json'], { SHIPLOG_WORKERS: '0', SHIPLOG_NO_CACHE: '1' }))
      }
    }
    rows.push({ part: 'P1', records: size, command: 'floor: bare remark+GFM parse, one process', runs: floor })
    for (const [name, runs] of measured) {
      const cold = name.endsWith('cold')
      const warm = name.endsWith('warm')
      rows.push({
        part: 'P1',
        records: size,
        command: name,
        runs,
        ratios: runs.map((run, index) => run.ms / (floor[index] as Run).ms),
        ...(cold ? { target: coldTarget(size) } : warm ? { target: { max: 0.03, label: '≤ 0.03×' } } : {}),
        ...(size >= 10_000 && (cold || warm) ? { rssTarget: 500 } : {}),
      })
    }
  }
  return rows
}

/** P1's cold target (issue #18): ≤ 0.5× the floor up to 1,000 records, ≤ 0.4× from 10,000 on, where start-up weighs nothing. */
export function coldTarget(size: number): { max: number; label: string } {
  return size >= 10_000 ? { max: 0.4, label: '≤ 0.4×' } : { max: 0.5, label: '≤ 0.5×' }
}

/** The table cells of a row: median time, CPU, ratio to the floor (median of paired ratios), target, peak RSS. */
export function rowCells(row: Row): string[] {
  const ms = median(row.runs.map((run) => run.ms))
  const cpu = median(row.runs.map((run) => run.cpuMs))
  const rss = Math.max(...row.runs.map((run) => run.maxRssKb))
  const r = row.ratios ? median(row.ratios) : null
  const met = (ok: boolean): string => (ok ? 'met' : 'MISSED')
  const verdicts: string[] = []
  if (row.target && r !== null) verdicts.push(`${row.target.label}: ${met(r <= row.target.max)}`)
  if (row.rssTarget !== undefined) verdicts.push(`RSS ≤ ${row.rssTarget} MB: ${met(rss / 1024 <= row.rssTarget)}`)
  return [
    row.part,
    String(row.records),
    row.command,
    `${seconds(ms)} (${row.runs.length})`,
    seconds(cpu),
    r === null ? '—' : ratio(r),
    megabytes(rss),
    verdicts.join('; ') || '—',
  ]
}

/** The record cache entries under a SHIPLOG_CACHE_DIR. */
function cacheEntries(dir: string): Set<string> {
  try {
    return new Set((readdirSync(join(dir, 'records'), { recursive: true }) as string[]).filter((name) => name.endsWith('.json')))
  } catch {
    return new Set()
  }
}
