import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'

// shiplog as a team adopts it: the repository packed with `npm pack` (which builds dist/ through
// the prepack script) and the tarball installed into an empty project, then used there with plain
// Node, a strict TypeScript check and the CLI. npm installs from its cache (warm from `npm ci`), or
// from the registry.

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version
const TSC = join(REPO_ROOT, 'node_modules/typescript/bin/tsc')
const LOADERS = /(?:^|[\s─└├┬│])((?:tsx|ts-node|jiti|esbuild-register|@esbuild-kit\/[\w-]+|@swc-node\/[\w-]+)@[^\s]+)/gm

let work: string
let consumer: string

/** The environment of a command run as a user would: npm's settings of the `npm test` running this are left out. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', CI: '' }
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name) && name !== 'INIT_CWD' && name !== 'FORCE_COLOR') env[name] ??= value
  env['PATH'] = `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`
  return env
}

function run(command: string, args: string[], cwd: string, timeout: number): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: userEnv(), encoding: 'utf8', timeout, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  return result
}

/** Fails with what the command printed when it did not exit 0. */
function succeed(command: string, args: string[], cwd: string, timeout: number): string {
  const result = run(command, args, cwd, timeout)
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

/** The repository's files as git sees them (tracked, and new files not ignored), as they are on disk. */
function copyRepository(to: string): void {
  const listed = succeed('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO_ROOT, 60_000).split('\0').filter(Boolean)
  for (const file of listed) {
    if (!lstatSync(join(REPO_ROOT, file), { throwIfNoEntry: false })?.isFile()) continue
    mkdirSync(dirname(join(to, file)), { recursive: true })
    copyFileSync(join(REPO_ROOT, file), join(to, file))
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(to, 'node_modules'), 'dir')
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shiplog-package-'))
  // npm pack runs the prepack script (the build) where it packs: a copy, never this checkout.
  const repository = join(work, 'repository')
  copyRepository(repository)
  succeed('npm', ['pack', '--pack-destination', work], repository, 300_000)
  const tarball = join(work, `shiplog-${VERSION}.tgz`)
  expect(existsSync(tarball)).toBe(true)
  consumer = join(work, 'consumer')
  mkdirSync(consumer)
  writeFileSync(join(consumer, 'package.json'), '{\n  "name": "payments-api",\n  "version": "1.0.0",\n  "private": true\n}\n')
  succeed('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], consumer, 400_000)
}, 720_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('the packed package, installed into an empty project', () => {
  it('should hold the compiled code, the templates, the schema, the site and the license, and no sources, tests, scripts or benchmarks', () => {
    const installed = join(consumer, 'node_modules/shiplog')
    expect(readdirSync(installed).sort()).toEqual(['LICENSE', 'README.md', 'action.yml', 'bin', 'dist', 'package.json', 'schema', 'site', 'templates'])
    expect(readdirSync(join(installed, 'bin'))).toEqual(['shiplog.js'])
    expect(readdirSync(join(installed, 'site'))).toEqual(['.vitepress'])
    expect(existsSync(join(installed, 'dist/index.js')) && existsSync(join(installed, 'dist/index.d.ts'))).toBe(true)
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toContain('MIT License\n\nCopyright (c) 2026 shiplog contributors')
  })

  it('should be importable from plain Node, with defineConfig, parseRecord and checkRecords', () => {
    const out = succeed(process.execPath, ['-e', "import('shiplog').then((m) => console.log(JSON.stringify([typeof m.defineConfig, typeof m.parseRecord, typeof m.checkRecords])))"], consumer, 60_000)
    expect(JSON.parse(out)).toEqual(['function', 'function', 'function'])
  }, 60_000)

  it('should type-check a shiplog.config.ts with defineConfig under strict TypeScript, reporting nothing', () => {
    const project = join(work, 'typed')
    mkdirSync(project)
    symlinkSync(join(consumer, 'node_modules'), join(project, 'node_modules'), 'dir')
    writeFileSync(join(project, 'package.json'), '{ "name": "typed", "private": true, "type": "module" }\n')
    writeFileSync(
      join(project, 'tsconfig.json'),
      `${JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true }, include: ['shiplog.config.ts'] }, null, 2)}\n`,
    )
    writeFileSync(join(project, 'shiplog.config.ts'), "import { defineConfig } from 'shiplog'\n\nexport default defineConfig({\n  releases: 'releases',\n  site: { title: 'Payments releases' },\n})\n")
    const result = run(process.execPath, [TSC, '-p', '.'], project, 120_000)
    expect([result.status, result.stdout, result.stderr]).toEqual([0, '', ''])
  }, 120_000)

  it('should set a project up, render a record, check it and build the site with npx shiplog', () => {
    const init = run('npx', ['shiplog', 'init'], consumer, 120_000)
    expect([init.status, init.stderr]).toEqual([0, ''])
    expect(init.stdout).toMatch(/^shiplog init: 5 files created, 0 kept\n/)
    const created = run('npx', ['shiplog', 'new', '1.0.0', '--no-input'], consumer, 120_000)
    expect(created.status).toBe(0)
    expect(existsSync(join(consumer, 'releases/1.0.0.md'))).toBe(true)
    // A record fresh from `new --no-input` still has the template's required values as {{placeholders}}
    // (release, component, …): one error naming them, so check fails (exit 1) until they are filled in.
    const check = run('npx', ['shiplog', 'check'], consumer, 120_000)
    expect(check.status).toBe(1)
    expect(check.stdout).toMatch(/^releases\/1\.0\.0\.md:3:\d+ +error +Unexpected unfilled placeholders in \d+ required keys `release` \(3:\d+\), `component`/m)
    expect(check.stdout).toMatch(/^1 file checked: [1-9]\d* errors?, \d+ warnings?\n$/m)
    const build = run('npx', ['shiplog', 'build'], consumer, 300_000)
    expect(build.status, build.stderr).toBe(0)
    expect(build.stderr).toMatch(/✓ built \d+ pages from 1 record in .* → dist\/\n$/)
    expect(existsSync(join(consumer, 'dist/index.html'))).toBe(true)
    expect(existsSync(join(consumer, 'dist/releases/1.0.0.html'))).toBe(true)
  }, 600_000)

  it('should bring no TypeScript loader into the project', () => {
    const tree = succeed('npm', ['ls', '--all'], consumer, 120_000)
    expect(tree).toContain(`shiplog@${VERSION}`)
    expect(tree).toContain('esbuild@')
    expect([...tree.matchAll(LOADERS)].map((match) => match[1])).toEqual([])
  }, 120_000)

  it('should run from a folder whose path holds #', () => {
    // The same installed package under `team #1/node_modules`: shiplog itself copied, its dependencies linked.
    const project = join(work, 'team #1')
    const modules = join(project, 'node_modules')
    mkdirSync(join(modules, '.bin'), { recursive: true })
    for (const name of readdirSync(join(consumer, 'node_modules'))) {
      if (name === 'shiplog' || name === '.bin' || name.startsWith('.')) continue
      symlinkSync(join(consumer, 'node_modules', name), join(modules, name), 'dir')
    }
    cpSync(join(consumer, 'node_modules/shiplog'), join(modules, 'shiplog'), { recursive: true })
    symlinkSync('../shiplog/bin/shiplog.js', join(modules, '.bin/shiplog'))
    const help = run(join(modules, '.bin/shiplog'), ['--help'], project, 60_000)
    expect([help.status, help.stderr]).toEqual([0, ''])
    expect(help.stdout).toMatch(/^Usage: shiplog \[options\] \[command\]\n/)
    const version = run(join(modules, '.bin/shiplog'), ['--version'], project, 60_000)
    expect([version.status, version.stdout]).toEqual([0, `${VERSION}\n`])
  }, 60_000)
})
