import { corpus } from './generateCorpus.ts'
import { median, runShiplog, type Run } from './measure.ts'
import { ratio, seconds } from './printTable.ts'

/**
 * The break-even of parse workers: `shiplog check` without the cache over N records, parsing in
 * the main thread (SHIPLOG_WORKERS=0) against 1 and 2 workers, alternating. A worker costs its
 * start (Node, the compiled parser's modules) and pays back through parallelism and a larger young
 * generation; below the break-even `workerCount` parses in the main thread.
 */
export function runWorkers(options: { sizes: number[]; runs: number; log: (line: string) => void }): string[][] {
  const rows: string[][] = []
  for (const size of options.sizes) {
    const { root } = corpus(size)
    const runs = new Map<string, Run[]>()
    for (let round = 1; round <= options.runs; round++) {
      for (const workers of ['0', '1', '2']) {
        const run = runShiplog(['--root', root, 'check', '--format', 'json'], { SHIPLOG_NO_CACHE: '1', SHIPLOG_WORKERS: workers })
        runs.set(workers, [...(runs.get(workers) ?? []), run])
        options.log(`  workers: ${size} records, ${workers} workers: ${seconds(run.ms)} (cpu ${seconds(run.cpuMs)})`)
      }
    }
    const base = median((runs.get('0') ?? []).map((run) => run.ms))
    for (const [workers, list] of runs) {
      const ms = median(list.map((run) => run.ms))
      rows.push([
        'workers',
        String(size),
        `check, no cache, ${workers === '0' ? 'main thread' : `${workers} worker${workers === '1' ? '' : 's'}`}`,
        `${seconds(ms)} (${list.length})`,
        seconds(median(list.map((run) => run.cpuMs))),
        workers === '0' ? '—' : `${ratio(ms / base)} of main thread`,
        `${(Math.max(...list.map((run) => run.maxRssKb)) / 1024).toFixed(0)} MB`,
        '—',
      ])
    }
  }
  return rows
}
