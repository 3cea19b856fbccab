// `npm run bench [-- --sizes 1000,10000 --runs 3 --only startup,p1,p2,p3,p5,export,workers]`: shiplog's benchmarks
// (docs/performance.md). Corpora are generated into the OS temp folder, never into the repository.
import { cpus, freemem, loadavg, totalmem } from 'node:os'
import { runExport } from './export.ts'
import { formatTable } from './printTable.ts'
import { rowCells, runP1 } from './p1.ts'
import { runP2 } from './p2.ts'
import { runP3 } from './p3.ts'
import { runP5 } from './p5.ts'
import { runStartup } from './startup.ts'
import { runWorkers } from './workers.ts'

interface Args {
  sizes: number[] | null
  runs: number
  only: Set<string>
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: null, runs: 3, only: new Set(['startup', 'p1', 'p2', 'p3', 'p5', 'export']) }
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index]
    const value = argv[index + 1]
    if (flag === '--sizes' && value) args.sizes = value.split(',').map((size) => Number(size.replace(/_/g, '')))
    else if (flag === '--runs' && value) args.runs = Number(value)
    else if (flag === '--only' && value) args.only = new Set(value.toLowerCase().split(','))
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(
        [
          'usage: npm run bench -- [--only startup,p1,p2,p3,p5,export,workers] [--sizes 1000,10000] [--runs 3]',
          '',
          '  --only    parts to run (default startup,p1,p2,p3,p5,export: several hours on 2 cores, most of it P1 and P5 at 10,000)',
          '  --sizes   record counts (default: p1 1000,10000; p2 500,5000; p3 1000; p5 1000,10000; export 2500,10000; workers 16,32,64,128)',
          '  --runs    rounds per size; medians are reported (default 3; start-up runs at least 15 rounds)',
          '',
        ].join('\n'),
      )
      process.exit(0)
    } else {
      process.stderr.write(`bench: unexpected argument ${JSON.stringify(flag)} (see --help)\n`)
      process.exit(2)
    }
    index++
  }
  if (args.sizes?.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(args.runs) || args.runs < 1) {
    process.stderr.write('bench: --sizes takes whole numbers ≥ 1, --runs a whole number ≥ 1\n')
    process.exit(2)
  }
  return args
}

const args = parseArgs(process.argv.slice(2))
const log = (line: string): void => {
  process.stderr.write(`${line}\n`)
}
const machine = () => {
  const cpu = cpus()
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free), Node ${process.version}, ${process.platform}`
}
const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' ')
const startedAt = new Date()
const loadBefore = load()
const rows: string[][] = []

/** Runs one part; a part that fails is a row saying why, and the others still run. */
const part = (name: string, run: () => string[][]): void => {
  if (!args.only.has(name)) return
  try {
    rows.push(...run())
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error)
    log(`${name} failed: ${message}`)
    rows.push([name.toUpperCase(), '—', `failed: ${message}`, '—', '—', '—', '—', '—'])
  }
}
part('startup', () => runStartup({ runs: Math.max(15, args.runs), log }))
part('workers', () => runWorkers({ sizes: args.sizes ?? [16, 32, 64, 128], runs: args.runs, log }))
part('p1', () => runP1({ sizes: args.sizes ?? [1000, 10_000], runs: args.runs, baselineUpTo: 1000, log }).map(rowCells))
part('p2', () => runP2({ sizes: args.sizes ?? [500, 5000], runs: args.runs, log }))
part('p3', () => runP3({ sizes: args.sizes ?? [1000], runs: args.runs, log }))
part('p5', () => runP5({ sizes: args.sizes ?? [1000, 10_000], runs: args.runs, log }))
part('export', () => runExport({ sizes: args.sizes ?? [2500, 10_000], runs: args.runs, log }))

process.stdout.write(
  [
    '',
    `shiplog benchmark, ${startedAt.toISOString()}`,
    `machine: ${machine()}`,
    `load average before: ${loadBefore}, after: ${load()} (other processes share the machine: compare ratios, not absolute times)`,
    `command: npm run bench -- ${process.argv.slice(2).join(' ')}`.trimEnd(),
    '',
    formatTable(['part', 'records', 'command', 'median wall (runs)', 'median CPU', 'ratio', 'peak RSS', 'target'], rows),
    '',
  ].join('\n'),
)
