import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { median, REPO_ROOT } from './measure.ts'
import { ratio, seconds } from './printTable.ts'

/** `shiplog --version` as installed may take at most this many times `node -e ''`. */
export const VERSION_TARGET = 3

/** The record `check` reads: a complete one of the bundled examples (no problems). */
const RECORD = 'releases/notifications/1.9.0.md'

/**
 * Start-up: `shiplog --version`, and `shiplog check` of one record (no cache: it parses), each as
 * a ratio to `node -e ''` measured in the same round; the commands alternate within a round, and
 * the median of the rounds' ratios is reported. shiplog runs as a project installs it: the binary,
 * dist/, package.json and templates/ copied into a temporary folder with the dependencies linked,
 * no sources beside them. `--version` in this clone is measured too: there the binary first makes
 * sure dist/ was compiled from src/ as it is (scripts/buildState.js).
 */
export function runStartup(options: { runs: number; log: (line: string) => void }): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-bench-startup-'))
  try {
    const installed = join(dir, 'node_modules/shiplog')
    mkdirSync(join(installed, 'bin'), { recursive: true })
    cpSync(join(REPO_ROOT, 'bin/shiplog.js'), join(installed, 'bin/shiplog.js'))
    for (const path of ['dist', 'templates', 'package.json']) cpSync(join(REPO_ROOT, path), join(installed, path), { recursive: true })
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(installed, 'node_modules'), 'dir')
    const project = join(dir, 'project')
    mkdirSync(join(project, 'releases/notifications'), { recursive: true })
    cpSync(join(REPO_ROOT, RECORD), join(project, RECORD))
    const bin = join(installed, 'bin/shiplog.js')

    const commands: Array<{ name: string; records: string; args: string[]; target: number | null }> = [
      { name: "node -e ''", records: '—', args: ['-e', ''], target: null },
      { name: 'shiplog --version (installed)', records: '—', args: [bin, '--version'], target: VERSION_TARGET },
      { name: 'shiplog check --no-cache (installed)', records: '1', args: [bin, 'check', '--no-cache'], target: null },
      { name: 'shiplog --version (this clone)', records: '—', args: [join(REPO_ROOT, 'bin/shiplog.js'), '--version'], target: null },
    ]
    const times = new Map<string, number[]>(commands.map((command) => [command.name, []]))
    // Warm the file system cache once; then rounds of every command in turn, the order rotating.
    for (const command of commands) time(command.args, project)
    for (let round = 0; round < options.runs; round++) {
      for (let k = 0; k < commands.length; k++) {
        const command = commands[(round + k) % commands.length] as (typeof commands)[number]
        times.get(command.name)?.push(time(command.args, project))
      }
      options.log(`  start-up round ${round + 1}: ${commands.map((command) => `${command.name} ${seconds(times.get(command.name)?.at(-1) ?? 0)}`).join(', ')}`)
    }
    const node = times.get(commands[0]?.name ?? '') ?? []
    return commands.map((command) => {
      const list = times.get(command.name) ?? []
      const ratios = list.map((ms, round) => ms / (node[round] as number))
      const value = median(ratios)
      const target = command.target === null ? '—' : `≤ ${command.target}×: ${value <= command.target ? 'met' : 'missed'}`
      return ['start-up', command.records, command.name, `${seconds(median(list))} (${list.length})`, '—', command === commands[0] ? '1×' : `${ratio(value)} of node`, '—', target]
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Wall time of `node <args>` from spawn to exit; throws unless it exits 0. */
function time(args: string[], cwd: string): number {
  const start = performance.now()
  const child = spawnSync(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] })
  const ms = performance.now() - start
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status ?? child.signal}: ${child.stderr.toString().slice(-500)}`)
  return ms
}
