import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { corpus } from './generateCorpus.ts'
import { median, REPO_ROOT, runNode, runShiplog, type Run } from './measure.ts'
import { megabytes, ratio, seconds } from './printTable.ts'

/**
 * P3: `shiplog build` of N records (cold: no `.shiplog/`; warm: a second build) against a bare
 * `vitepress build` of the same records copied as plain Markdown pages, alternating in each round.
 */
export function runP3(options: { sizes: number[]; runs: number; log: (line: string) => void }): string[][] {
  const rows: string[][] = []
  for (const size of options.sizes) {
    const { root, files } = corpus(size)
    const work = join(tmpdir(), 'shiplog-bench', `p3-${size}-${process.pid}`)
    const bare = join(work, 'bare')
    rmSync(work, { recursive: true, force: true })
    for (const file of files) {
      mkdirSync(join(bare, file, '..'), { recursive: true })
      cpSync(join(root, file), join(bare, file))
    }
    writeFileSync(join(bare, 'index.md'), `# ${size} releases\n`)
    mkdirSync(join(bare, '.vitepress'), { recursive: true })
    writeFileSync(join(bare, '.vitepress/config.mjs'), "export default { title: 'Bare VitePress' }\n")
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(bare, 'node_modules'), 'dir')
    const runs = new Map<string, Run[]>()
    const add = (name: string, run: Run): void => {
      runs.set(name, [...(runs.get(name) ?? []), run])
      options.log(`  ${name.padEnd(40)} ${seconds(run.ms).padStart(8)}  cpu ${seconds(run.cpuMs).padStart(8)}  rss ${megabytes(run.maxRssKb)}`)
    }
    try {
      for (let round = 1; round <= options.runs; round++) {
        options.log(` P3 round ${round}/${options.runs}, ${size} records`)
        add('bare vitepress build, plain pages', runNode([join(REPO_ROOT, 'bench/vitepressChild.js'), bare, join(work, 'bare-dist')]))
        rmSync(join(root, '.shiplog'), { recursive: true, force: true })
        const build = ['--root', root, 'build', '--quiet', '--out-dir', join(work, 'dist')]
        add('shiplog build, cold (no .shiplog/)', runShiplog(build, {}, [0]))
        add('shiplog build, warm (second build)', runShiplog(build, {}, [0]))
      }
    } finally {
      rmSync(work, { recursive: true, force: true })
      rmSync(join(root, '.shiplog'), { recursive: true, force: true })
    }
    const bareRuns = runs.get('bare vitepress build, plain pages') ?? []
    const bareRss = Math.max(...bareRuns.map((run) => run.maxRssKb))
    for (const [name, list] of runs) {
      const isBare = list === bareRuns
      const r = isBare ? null : median(list.map((run, index) => run.ms / (bareRuns[index] as Run).ms))
      const rss = Math.max(...list.map((run) => run.maxRssKb))
      // Issue #18: warm ≤ 1.15×, cold ≤ 1.6× the bare build; peak RSS ≤ 1.2× the bare build's.
      const limit = name.includes('cold') ? 1.6 : 1.15
      const met = (ok: boolean): string => (ok ? 'met' : 'MISSED')
      rows.push([
        'P3',
        String(size),
        name,
        `${seconds(median(list.map((run) => run.ms)))} (${list.length})`,
        seconds(median(list.map((run) => run.cpuMs))),
        r === null ? '—' : `${ratio(r)} of bare`,
        megabytes(rss),
        r === null ? '—' : `≤ ${limit}×: ${met(r <= limit)}; RSS ≤ 1.2× bare: ${met(rss <= 1.2 * bareRss)}`,
      ])
    }
  }
  return rows
}
