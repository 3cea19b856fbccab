import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { corpus } from './generateCorpus.ts'
import { median, REPO_ROOT } from './measure.ts'
import { megabytes, ratio, seconds } from './printTable.ts'

interface DevRun {
  startupMs: number
  latencies: number[]
  maxRssKb: number
}

/**
 * P2: `shiplog dev` on N records: the time from saving one record to the dev server having
 * written its updated page data, over several saves of records spread over the corpus.
 */
export function runP2(options: { sizes: number[]; runs: number; log: (line: string) => void }): string[][] {
  const results = new Map<number, DevRun[]>()
  for (const size of options.sizes) {
    const { root } = corpus(size)
    rmSync(join(root, '.shiplog'), { recursive: true, force: true })
    try {
      for (let round = 1; round <= options.runs; round++) {
        const child = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/run-ts.js'), join(REPO_ROOT, 'bench/devChild.ts'), root, '4'], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
          maxBuffer: 16 * 1024 * 1024,
        })
        if (child.status !== 0) throw new Error(`dev benchmark failed (${child.status}):\n${child.stderr.slice(-2000)}`)
        const run = JSON.parse(child.stdout.trim().split('\n').pop() as string) as DevRun
        results.set(size, [...(results.get(size) ?? []), run])
        options.log(`  P2 ${size} records, round ${round}: start ${seconds(run.startupMs)}, save → data ${run.latencies.map((ms) => seconds(ms)).join(', ')}`)
      }
    } finally {
      rmSync(join(root, '.shiplog'), { recursive: true, force: true })
    }
  }
  const rows: string[][] = []
  const smallest = Math.min(...results.keys())
  const base = median((results.get(smallest) ?? []).flatMap((run) => run.latencies))
  for (const [size, runs] of results) {
    const latencies = runs.flatMap((run) => run.latencies)
    const ms = median(latencies)
    const p95 = percentile95(latencies)
    const rssMb = Math.max(...runs.map((run) => run.maxRssKb)) / 1024
    const met = (ok: boolean): string => (ok ? 'met' : 'MISSED')
    const verdicts = [`median ≤ 100 ms: ${met(ms <= 100)}`, `p95 ${seconds(p95)} ≤ 250 ms: ${met(p95 <= 250)}`]
    if (size >= 5000) verdicts.push(`RSS ≤ 1 GB: ${met(rssMb <= 1024)}`)
    if (size !== smallest) verdicts.push(`≤ 1.5× of ${smallest}: ${met(ms / base <= 1.5)}`)
    rows.push([
      'P2',
      String(size),
      `dev: save one record → its page data written (start-up ${seconds(median(runs.map((run) => run.startupMs)))})`,
      `${seconds(ms)} (${latencies.length} saves)`,
      '—',
      size === smallest ? '—' : `${ratio(ms / base)} of ${smallest}`,
      megabytes(Math.max(...runs.map((run) => run.maxRssKb))),
      verdicts.join('; '),
    ])
  }
  return rows
}

/** The 95th percentile (nearest rank) of the save latencies. */
function percentile95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0
}
