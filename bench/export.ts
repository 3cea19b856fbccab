import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { corpus } from './generateCorpus.ts'
import { freshCacheDir, median, runShiplog, type Run } from './measure.ts'
import { megabytes, seconds } from './printTable.ts'

/**
 * EXPORT: `shiplog export --out FILE` (NDJSON) of N records, cold (an empty `SHIPLOG_CACHE_DIR`)
 * and warm (the same folder again), beside `shiplog metrics --json` warm, which holds every record
 * in memory. The export streams: its peak RSS should not grow with N (compare the sizes).
 */
export function runExport(options: { sizes: number[]; runs: number; log: (line: string) => void }): string[][] {
  const rows: string[][] = []
  for (const size of options.sizes) {
    const { root } = corpus(size)
    const out = mkdtempSync(join(tmpdir(), 'shiplog-bench-export-'))
    const runs = new Map<string, Run[]>()
    const add = (name: string, run: Run): void => {
      runs.set(name, [...(runs.get(name) ?? []), run])
      options.log(`  ${name.padEnd(40)} ${seconds(run.ms).padStart(8)}  cpu ${seconds(run.cpuMs).padStart(8)}  rss ${megabytes(run.maxRssKb)}`)
    }
    try {
      for (let round = 1; round <= options.runs; round++) {
        options.log(` EXPORT round ${round}/${options.runs}, ${size} records`)
        const cache = freshCacheDir()
        try {
          const env = { SHIPLOG_CACHE_DIR: cache.dir }
          const exportArgs = ['--root', root, 'export', '--out', join(out, 'export.ndjson')]
          add('shiplog export, cold', runShiplog(exportArgs, env, [0]))
          add('shiplog export, warm', runShiplog(exportArgs, env, [0]))
          add('shiplog metrics --json, warm', runShiplog(['--root', root, 'metrics', '--json'], env, [0]))
        } finally {
          cache.remove()
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
    for (const [name, list] of runs) {
      rows.push([
        'EXPORT',
        String(size),
        name,
        `${seconds(median(list.map((run) => run.ms)))} (${list.length})`,
        seconds(median(list.map((run) => run.cpuMs))),
        '—',
        megabytes(Math.max(...list.map((run) => run.maxRssKb))),
        name.startsWith('shiplog export') ? 'streams: RSS flat in N' : '—',
      ])
    }
  }
  return rows
}
