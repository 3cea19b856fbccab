import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { corpus } from './generateCorpus.ts'
import { median, runShiplog, type Run } from './measure.ts'
import { megabytes, ratio, seconds } from './printTable.ts'

/**
 * P5: `shiplog build` at scale. Each size is built cold (no `.shiplog/`) and warm (the build after
 * it); the time per record at the largest size is compared with the smallest's (target: ≤ 1.2×,
 * issue #18), so that a team's site keeps building as its history grows. A build that fails (out
 * of memory) is a row saying so.
 */
export function runP5(options: { sizes: number[]; runs: number; log: (line: string) => void }): string[][] {
  const perRecord = new Map<string, Map<number, number>>()
  const measured: Array<{ size: number; name: string; runs: Run[] }> = []
  const failed: string[][] = []
  for (const size of options.sizes) {
    const { root } = corpus(size)
    const out = join(tmpdir(), 'shiplog-bench', `p5-${size}-${process.pid}`)
    const runs = new Map<string, Run[]>()
    try {
      for (let round = 1; round <= options.runs; round++) {
        options.log(` P5 round ${round}/${options.runs}, ${size} records`)
        rmSync(join(root, '.shiplog'), { recursive: true, force: true })
        const build = ['--root', root, 'build', '--quiet', '--out-dir', out]
        for (const name of ['shiplog build, cold (no .shiplog/)', 'shiplog build, warm (second build)']) {
          const run = runShiplog(build, {}, [0])
          runs.set(name, [...(runs.get(name) ?? []), run])
          options.log(`  ${name.padEnd(40)} ${seconds(run.ms).padStart(8)}  cpu ${seconds(run.cpuMs).padStart(8)}  rss ${megabytes(run.maxRssKb)}`)
        }
      }
      options.log(`  what a reader downloads: ${pageWeights(out, root).join(', ')}`)
    } catch (error) {
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error)
      options.log(`  P5 ${size} records failed: ${message}`)
      failed.push(['P5', String(size), 'shiplog build', `failed: ${message}`, '—', '—', '—', 'completes: MISSED'])
      continue
    } finally {
      rmSync(out, { recursive: true, force: true })
      rmSync(join(root, '.shiplog'), { recursive: true, force: true })
    }
    for (const [name, list] of runs) {
      measured.push({ size, name, runs: list })
      const byName = perRecord.get(name) ?? new Map<number, number>()
      byName.set(size, median(list.map((run) => run.ms)) / size)
      perRecord.set(name, byName)
    }
  }
  const smallest = Math.min(...options.sizes)
  const rows = measured.map(({ size, name, runs }) => {
    const own = perRecord.get(name)?.get(size) as number
    const base = perRecord.get(name)?.get(smallest)
    const r = size === smallest || base === undefined ? null : own / base
    return [
      'P5',
      String(size),
      `${name}: ${seconds(own)} per record`,
      `${seconds(median(runs.map((run) => run.ms)))} (${runs.length})`,
      seconds(median(runs.map((run) => run.cpuMs))),
      r === null ? '—' : `${ratio(r)} per record of ${smallest}`,
      megabytes(Math.max(...runs.map((run) => run.maxRssKb))),
      r === null ? 'completes: met' : `completes: met; ≤ 1.2× per record: ${r <= 1.2 ? 'met' : 'MISSED'}`,
    ]
  })
  return [...rows, ...failed]
}

/**
 * The browser side: the HTML of Home, Metrics and the newest release page, and the page's own
 * JavaScript chunk (its data: what a reader's browser fetches to show it, besides the shared app).
 */
function pageWeights(out: string, root: string): string[] {
  const assets = join(out, 'assets')
  const chunks = existsSync(assets) ? readdirSync(assets) : []
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`
  const weigh = (label: string, html: string, chunkPrefix: string): string => {
    const page = join(out, html)
    const chunk = chunks.find((name) => name.startsWith(chunkPrefix) && name.endsWith('.js') && !name.endsWith('.lean.js'))
    const htmlBytes = existsSync(page) ? statSync(page).size : 0
    const chunkBytes = chunk === undefined ? 0 : statSync(join(assets, chunk)).size
    return `${label} ${kb(htmlBytes)} HTML + ${kb(chunkBytes)} JS`
  }
  const notFound = join(root, '.shiplog/site/data/not-found.json')
  const release = existsSync(notFound) ? (JSON.parse(readFileSync(notFound, 'utf8')) as { latest: Array<{ id: string }> }).latest[0]?.id : undefined
  return [
    weigh('Home', 'index.html', 'index.md.'),
    weigh('Metrics', 'metrics.html', 'metrics.md.'),
    ...(release === undefined ? [] : [weigh(`release ${release}`, `releases/${release}.html`, `releases_${release.replaceAll('/', '_')}.md.`)]),
  ]
}
