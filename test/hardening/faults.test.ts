import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findRecordFiles } from '../../src/node/fs/findRecordFiles.ts'
import { track } from '../helpers/children.ts'
import { BIN, REPO_ROOT } from '../helpers/runCli.ts'
import { CORPUS, runBin, runMain, STACK_TRACE, tempProject } from './helpers.ts'

const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

function project(prefix: string): string {
  const root = tempProject(prefix)
  roots.push(root)
  mkdirSync(join(root, 'releases'))
  return root
}

/** A project with the corpus' small template and a values file whose `notes` is `size` characters: `new` takes seconds. */
function bigNewProject(size: number): string {
  const root = project('kill-new')
  cpSync(join(CORPUS, 'values-hostile/files/templates'), join(root, 'templates'), { recursive: true })
  writeFileSync(join(root, 'values.yaml'), `release_name: Big\ncomponent: big\nowner: Ops\nnotes: ${'n'.repeat(size)}\n`)
  return root
}

const NEW_ARGS = ['new', '2.0.0', '--template', 'mini', '--values', 'values.yaml', '--no-input']

/**
 * Starts `args` in `root` and kills it (SIGKILL) as soon as `ready` says so, asked again on every
 * chunk it writes to stderr and on every change in the folder `watched` (`names`: the files
 * created, written or renamed there so far); resolves once the process is gone, telling whether
 * it was killed.
 */
function killWhen(
  root: string,
  args: string[],
  ready: (stderr: string, names: readonly string[]) => boolean,
  watched?: string,
): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = track(spawn(process.execPath, [BIN, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', CI: '' }, stdio: ['ignore', 'ignore', 'pipe'] }))
    let stderr = ''
    let killed = false
    const names: string[] = []
    const check = (): void => {
      if (!killed && child.exitCode === null && ready(stderr, names)) killed = child.kill('SIGKILL')
    }
    const watcher =
      watched === undefined
        ? null
        : watch(watched, (_event, name) => {
            if (name) names.push(String(name))
            check()
          })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
      check()
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      watcher?.close()
      resolve({ killed, code })
    })
  })
}

/** The temporary files `writeFileAtomic` writes beside a target. */
const temps = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'))

describe('new, killed with SIGKILL mid-write', () => {
  // One complete run gives the record to expect. A values file may hold at most 1 MiB: `notes` of
  // 1,000,000 characters, which the template writes three times.
  const SIZE = 1_000_000

  /** What `new` writes when it is not killed: made by the first test that needs it, whichever runs. */
  let completeRun: Promise<{ code: number; stderr: string; text: string; temps: string[] }> | null = null
  const completeRecord = (): Promise<{ code: number; stderr: string; text: string; temps: string[] }> =>
    (completeRun ??= (async () => {
      const root = bigNewProject(SIZE)
      const result = await runBin(NEW_ARGS, { cwd: root, timeoutMs: 60_000 })
      const target = join(root, 'releases/2.0.0.md')
      return { code: result.code, stderr: result.stderr, text: existsSync(target) ? readFileSync(target, 'utf8') : '', temps: temps(join(root, 'releases')) }
    })())

  it('should write the whole record when it is not killed', async () => {
    const result = await completeRecord()
    expect(result.code, result.stderr).toBe(0)
    const complete = result.text
    expect(complete.length).toBeGreaterThan(3 * SIZE)
    expect(result.temps).toEqual([])
  }, 90_000)

  it('should leave the record absent or complete, and no temporary file read as a record', async () => {
    const root = bigNewProject(SIZE)
    const releases = join(root, 'releases')
    const { killed } = await killWhen(root, NEW_ARGS, (_stderr, names) => names.some((name) => name.endsWith('.tmp')), releases)
    expect(killed, 'killed while the temporary file was being written').toBe(true)
    const complete = (await completeRecord()).text
    const target = join(releases, '2.0.0.md')
    if (existsSync(target)) expect(readFileSync(target, 'utf8')).toBe(complete)
    // What the killed process left is a dot file: no command reads it as a record.
    expect(findRecordFiles(root, 'releases')).toEqual({ files: existsSync(target) ? ['releases/2.0.0.md'] : [], skipped: [] })
    const status = await runMain(['--root', root, 'status', '--json'])
    if (existsSync(target)) {
      // The kill came after the rename: the record is complete, and larger than a record may be
      // (1 MiB), which status reports as that record's read error (exit 1), never as a crash.
      expect(status.stderr).toMatch(/^releases\/2\.0\.0\.md:1:1: Unexpected record of \d+\.\d MiB, expected at most 1 MiB: the record is not read \(file-size\)$/m)
      expect(status.code).toBe(1)
    } else {
      expect(status.stderr).toBe('')
      expect(status.code).toBe(0)
    }

    // The next write of the same record completes and clears what the killed one left behind.
    const again = await runBin([...NEW_ARGS, '--force'], { cwd: root, timeoutMs: 60_000 })
    expect(again.code, again.stderr).toBe(0)
    expect(readFileSync(target, 'utf8')).toBe(complete)
    expect(temps(releases)).toEqual([])
  }, 210_000)

  it('should leave the old record intact when a --force rewrite is killed', async () => {
    const root = bigNewProject(SIZE)
    const releases = join(root, 'releases')
    const old = '---\nrelease: Old\n---\n\nThe record before the rewrite.\n'
    writeFileSync(join(releases, '2.0.0.md'), old)
    const { killed } = await killWhen(root, [...NEW_ARGS, '--force'], (_stderr, names) => names.some((name) => name.endsWith('.tmp')), releases)
    expect(killed).toBe(true)
    const now = readFileSync(join(releases, '2.0.0.md'), 'utf8')
    expect([old, (await completeRecord()).text]).toContain(now)
  }, 150_000)
})

function snapshot(dir: string): { [file: string]: string } {
  const files: { [file: string]: string } = {}
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name)
      if (statSync(path).isDirectory()) walk(path)
      else files[path.slice(dir.length)] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  walk(dir)
  return files
}

describe('build, killed with SIGKILL mid-build', () => {
  it('should leave the previous site complete', async () => {
    const root = project('kill-build')
    cpSync(join(REPO_ROOT, 'releases/payments-api'), join(root, 'releases/payments-api'), { recursive: true })
    const first = await runBin(['--root', root, 'build'], { timeoutMs: 300_000, env: { CI: '' } })
    expect(first.code, first.stderr).toBe(0)
    const before = snapshot(join(root, 'dist'))
    expect(Object.keys(before).some((file) => file.endsWith('index.html'))).toBe(true)

    // A change the next build would publish; the build is killed while VitePress runs.
    const record = join(root, 'releases/payments-api/2.4.0.md')
    writeFileSync(record, readFileSync(record, 'utf8').replace('## Deployment Execution', '## Deployment Execution (changed)'))
    // VitePress has begun bundling: the build is under way, and publishing comes only after it.
    const { killed } = await killWhen(root, ['build'], (stderr) => stderr.includes('building client + server bundles'))
    expect(killed, 'killed while VitePress was building').toBe(true)
    expect(snapshot(join(root, 'dist'))).toEqual(before)

    // The next build succeeds and publishes the change.
    const again = await runBin(['--root', root, 'build'], { timeoutMs: 300_000, env: { CI: '' } })
    expect(again.code, again.stderr).toBe(0)
    expect(snapshot(join(root, 'dist'))).not.toEqual(before)
    // Nothing of the killed build is left beside the site or in the work folder.
    expect(readdirSync(root).sort()).toEqual(['.shiplog', 'dist', 'releases'])
    expect(readdirSync(join(root, '.shiplog')).filter((name) => name.startsWith('out-'))).toEqual([])
  }, 660_000)
})

describe('writing where the disk says no', () => {
  it('should say which file is in the way when releases/ is a file (new)', async () => {
    const root = project('in-the-way')
    rmSync(join(root, 'releases'), { recursive: true })
    writeFileSync(join(root, 'releases'), 'not a folder')
    const result = await runMain(['--root', root, 'new', '2.4.0', '--no-input', '--set', 'component=x'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`shiplog: Could not write ${join(root, 'releases/2.4.0.md')}: ${join(root, 'releases')} is a file, expected a folder (EEXIST)\n`)
    expect(readFileSync(join(root, 'releases'), 'utf8')).toBe('not a folder')
  })

  it('should report a releases "folder" that is a file in status, check and metrics', async () => {
    const root = project('in-the-way')
    rmSync(join(root, 'releases'), { recursive: true })
    writeFileSync(join(root, 'releases'), 'not a folder')
    for (const command of ['status', 'check', 'metrics']) {
      const result = await runMain(['--root', root, command])
      expect(result.code, command).toBe(1)
      expect(result.stdout + result.stderr, command).toContain('releases:1:1')
      expect(result.stdout + result.stderr, command).toContain('Unexpected file where the releases folder should be')
    }
  })

  it('should say which file is in the way when a component folder is a file (new)', async () => {
    const root = project('in-the-way')
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ fileName: '{component}/{version}.md' }))
    writeFileSync(join(root, 'releases/payments'), 'a file named like the component')
    const result = await runMain(['--root', root, 'new', '2.4.0', '--no-input', '--set', 'component=payments'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${join(root, 'releases/payments')} is a file, expected a folder`)
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(result.stderr).not.toContain('unexpected error')
  })

  it('should report a named pipe given on the command line instead of waiting on it', async () => {
    const root = project('pipe')
    execFileSync('mkfifo', [join(root, 'releases/2.4.0.md')])
    for (const command of ['check', 'status']) {
      const result = await runBin(['--root', root, command, join(root, 'releases/2.4.0.md')], { timeoutMs: 60_000 })
      expect(result.timedOut, command).toBe(false)
      expect(result.code, command).toBe(1)
      expect(result.stdout + result.stderr, command).toContain('Unexpected special file (a device, pipe or socket), expected a record file')
    }
  }, 150_000)


  it('should fail the build clearly, with no stack trace, when a file is where the output folder goes', async () => {
    const root = project('build-in-the-way')
    cpSync(join(REPO_ROOT, 'releases/payments-api/2.4.0.md'), join(root, 'releases/2.4.0.md'))
    writeFileSync(join(root, 'site-output'), 'a file, not a folder')
    const result = await runBin(['--root', root, 'build', '--out-dir', 'site-output/dist'], { timeoutMs: 300_000, env: { CI: '' } })
    expect(result.timedOut).toBe(false)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^shiplog: .*(ENOTDIR|not a directory|not a folder)/m)
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(readFileSync(join(root, 'site-output'), 'utf8')).toBe('a file, not a folder')
  }, 330_000)
})
