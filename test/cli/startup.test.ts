import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { BIN, REPO_ROOT } from '../helpers/runCli.ts'

// What the binary loads, logged by a module hook every thread registers (`--import`, which worker
// threads inherit): the compiled JavaScript of dist/ and the packages it imports, no TypeScript
// loader and no TypeScript file, in the main thread or in any worker.

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

function temp(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), `shiplog-${prefix}-`))
  roots.push(root)
  return root
}

/** Runs the binary with a hook that logs the URL of every module loaded; returns the run and the URLs. */
function runLogged(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string; loaded: string[] } {
  const dir = temp('hook')
  const log = join(dir, 'loaded.txt')
  const hooks = `import { appendFileSync } from 'node:fs'\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n')\n  return next(url, context)\n}\n`
  writeFileSync(join(dir, 'hooks.mjs'), hooks)
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)})\n`)
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  const loaded = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith('file:')) : []
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, loaded }
}

/** The packages among `urls` (`node_modules/<name>` or `node_modules/@scope/<name>`), sorted, once each. */
function packagesOf(urls: string[]): string[] {
  const names = urls.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]).filter((name): name is string => name !== undefined)
  return [...new Set(names)].sort()
}

const LOADERS = /^(tsx|ts-node|jiti|@esbuild-kit\/.*|@swc-node\/.*|esbuild-register)$/

describe('shiplog --version', () => {
  it('should read the version without loading a command, a TypeScript loader or any package but commander', () => {
    const run = runLogged(['--version'], temp('version'))
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `${version}\n`, ''])
    expect(packagesOf(run.loaded)).toEqual(['commander'])
    expect(run.loaded.filter((url) => url.includes('/dist/cli/commands/') || url.endsWith('.ts'))).toEqual([])
    expect(run.loaded).toContain(pathToFileURL(join(REPO_ROOT, 'dist/cli/main.js')).href)
  }, 60_000)
})

describe('no TypeScript loader at run time', () => {
  it('should load a shiplog.config.ts and parse in worker threads with compiled JavaScript only', () => {
    const root = temp('no-loader')
    // the configuration imports defineConfig from 'shiplog': resolve it to this checkout
    mkdirSync(join(root, 'node_modules'))
    symlinkSync(REPO_ROOT, join(root, 'node_modules/shiplog'), 'dir')
    writeFileSync(join(root, 'shiplog.config.ts'), "import { defineConfig } from 'shiplog'\n\nconst releases: string = 'records'\nexport default defineConfig({ releases })\n")
    mkdirSync(join(root, 'records'))
    for (const version of ['1.0.0', '1.1.0', '1.2.0', '1.3.0']) {
      writeFileSync(join(root, 'records', `${version}.md`), `---\nversion: "${version}"\nstatus: planned\n---\n## Stage\n\n- [x] one\n- [ ] two\n`)
    }
    // two workers, whatever the number of records
    const run = runLogged(['status', '--json', '--no-cache'], root, { SHIPLOG_WORKERS: '2' })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const progress = JSON.parse(run.stdout) as Array<{ file: string; done: number; total: number }>
    expect(progress.map((record) => [record.file, record.done, record.total])).toEqual(['1.0.0', '1.1.0', '1.2.0', '1.3.0'].map((version) => [`records/${version}.md`, 1, 2]))
    expect(run.loaded).toContain(pathToFileURL(join(REPO_ROOT, 'dist/node/workers/parseWorker.js')).href)
    expect(packagesOf(run.loaded).filter((name) => LOADERS.test(name))).toEqual([])
    expect(run.loaded.filter((url) => /\.[cm]?tsx?$/.test(url))).toEqual([])
  }, 120_000)
})

describe('a read the record cache answers whole', () => {
  it('should not load the Markdown parser: check parses cold, then reads every record from the cache', () => {
    const root = temp('warm-check')
    mkdirSync(join(root, 'releases'))
    for (const version of ['1.0.0', '1.1.0']) {
      writeFileSync(join(root, 'releases', `${version}.md`), `---\nversion: "${version}"\nstatus: planned\n---\n## Stage\n\n- [x] one\n- [ ] two\n`)
    }
    const env = { SHIPLOG_CACHE_DIR: join(root, '.cache'), SHIPLOG_WORKERS: '0' }
    // micromark, and shiplog's copy of its tree builder (decision 21); remark-parse is the site's.
    const treeBuilder = pathToFileURL(join(REPO_ROOT, 'dist/core/record/fromMarkdown.js')).href
    const parser = (urls: string[]): string[] => [
      ...packagesOf(urls).filter((name) => /^(micromark|remark-parse|mdast-util-from-markdown)$/.test(name)),
      ...urls.filter((url) => url === treeBuilder).map(() => 'fromMarkdown.js'),
    ]
    const cold = runLogged(['check', '--format', 'json'], root, env)
    expect(cold.stderr).toBe('')
    expect(parser(cold.loaded)).toEqual(['micromark', 'fromMarkdown.js'])
    const warm = runLogged(['check', '--format', 'json'], root, env)
    // The same report, from the cache, without the parser.
    expect([warm.code, warm.stdout]).toEqual([cold.code, cold.stdout])
    expect(JSON.parse(warm.stdout)).toMatchObject({ files: 2 })
    expect(parser(warm.loaded)).toEqual([])
    expect(warm.loaded).not.toContain(pathToFileURL(join(REPO_ROOT, 'dist/core/record/parseRecord.js')).href)
  }, 120_000)
})
