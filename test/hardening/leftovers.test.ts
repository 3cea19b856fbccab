import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadProject } from '../../src/node/fs/loadProject.ts'
import { recordCacheDir } from '../../src/node/cache/recordCache.ts'
import { writeInit } from '../../src/node/fs/writeInit.ts'
import { formatCheckResult } from '../../src/core/check/format/index.ts'
import type { CheckResult } from '../../src/core/check/types.ts'
import type { PlacedMessage } from '../../src/core/message/ShiplogMessage.ts'
import { messages } from '../helpers/messages.ts'
import { killChildren, spawnCli } from '../helpers/spawnCli.ts'

// The path rule and the bounded reads hold for every file shiplog touches: the configuration, a
// template named on the command line, the record cache's default folder and what `init` writes.

const roots: string[] = []
afterEach(() => {
  killChildren()
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

function temp(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), `shiplog-${prefix}-`))
  roots.push(root)
  return root
}

const LIMIT = { timeoutMs: 60_000 }

describe('a configuration file that is not a regular file, or exports nothing', () => {
  it('should refuse a named pipe called shiplog.config.json instead of waiting on it', async () => {
    const root = temp('config-pipe')
    execFileSync('mkfifo', [join(root, 'shiplog.config.json')])
    const run = await spawnCli(['--root', root, 'status'], LIMIT)
    expect([run.timedOut, run.stderr, run.code]).toEqual([false, 'shiplog: shiplog.config.json: Unexpected named pipe, expected a configuration file\n', 2])
  }, 90_000)

  it('should refuse a folder called shiplog.config.json with one line, not an unexpected error', async () => {
    const root = temp('config-folder')
    mkdirSync(join(root, 'shiplog.config.json'))
    const run = await spawnCli(['--root', root, 'status'], LIMIT)
    expect([run.stderr, run.code]).toEqual(['shiplog: shiplog.config.json: Unexpected folder, expected a configuration file\n', 2])
  }, 90_000)

  it('should refuse a configuration whose default export is null, in JavaScript or JSON', async () => {
    const js = temp('config-null-js')
    writeFileSync(join(js, 'shiplog.config.mjs'), 'export default null\n')
    const fromJs = await spawnCli(['--root', js, 'status'], LIMIT)
    expect([fromJs.stderr, fromJs.code]).toEqual(['shiplog: shiplog.config.mjs: Unexpected default export null, expected export default defineConfig({ … })\n', 2])
    const json = temp('config-null-json')
    writeFileSync(join(json, 'shiplog.config.json'), 'null\n')
    const fromJson = await spawnCli(['--root', json, 'status'], LIMIT)
    expect([fromJson.stderr, fromJson.code]).toEqual(['shiplog: shiplog.config.json: Unexpected null, expected an object of settings ({ "releases": "releases", … })\n', 2])
  }, 90_000)
})

describe('check --templates with a named file that is not a regular file', () => {
  it('should refuse a named pipe instead of waiting on it, and /dev/zero without reading it', async () => {
    const root = temp('check-templates')
    mkdirSync(join(root, 'releases'))
    execFileSync('mkfifo', [join(root, 'pipe.md')])
    const pipe = await spawnCli(['--root', root, 'check', '--templates', join(root, 'pipe.md')], LIMIT)
    expect([pipe.timedOut, pipe.stderr.trim(), pipe.code]).toEqual([false, `shiplog: ${join(root, 'pipe.md')}: Unexpected named pipe, expected a template file`, 2])
    const zero = await spawnCli(['--root', root, 'check', '--templates', '/dev/zero'], { ...LIMIT, maxRssMb: 400 })
    expect([zero.timedOut || zero.overMemory, zero.stderr.trim(), zero.code]).toEqual([false, 'shiplog: /dev/zero: Unexpected device, expected a template file', 2])
  }, 90_000)
})

describe('the record cache', () => {
  it('should refuse a .shiplog that is a link leading outside the project, as build does', async () => {
    const root = temp('cache-link')
    const elsewhere = temp('cache-elsewhere')
    symlinkSync(elsewhere, join(root, '.shiplog'))
    expect(() => recordCacheDir(root, {})).toThrow(/work folder \.shiplog: its real path .* is outside the project/)
    mkdirSync(join(root, 'releases'))
    writeFileSync(join(root, 'releases/1.0.0.md'), '---\nstatus: planned\n---\n')
    const run = await spawnCli(['--root', root, 'status'], LIMIT)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^shiplog: Unexpected work folder \.shiplog: its real path .* is outside the project/)
    expect(existsSync(join(elsewhere, 'cache'))).toBe(false)
  }, 90_000)

  it('should stay where SHIPLOG_CACHE_DIR points, which the user chose', () => {
    expect(recordCacheDir('/p', { SHIPLOG_CACHE_DIR: '/ci/cache' })).toBe('/ci/cache/records')
  })

  it('should be .shiplog/cache/records of a project without links', async () => {
    const root = temp('cache-plain')
    expect(recordCacheDir((await loadProject(root)).root, {})).toBe(join(root, '.shiplog/cache/records'))
  })
})

describe('init, writing into a folder that is a link leading out of the folder set up', () => {
  it('should refuse and write nothing through the link', () => {
    const root = temp('init-link')
    const elsewhere = temp('init-elsewhere')
    symlinkSync(elsewhere, join(root, 'templates'))
    expect(() => writeInit(root, [{ path: 'templates/deployment.md', content: 'x\n', purpose: 'template' }])).toThrow(/expected a folder inside \.\//)
    expect(existsSync(join(elsewhere, 'deployment.md'))).toBe(false)
  })
})

describe('the text report of 170,000 diagnostics', () => {
  it('should be printed, one line each, instead of overflowing the stack', () => {
    const diagnostics: PlacedMessage[] = messages(
      Array.from({ length: 170_000 }, (_, i) => ({
        file: 'releases/big.md',
        line: i + 1,
        column: 1,
        rule: 'unfilled-placeholder',
        severity: 'warning' as const,
        message: `Unexpected placeholder {{a}}`,
      })),
    )
    const result: CheckResult = { files: 1, errors: 0, warnings: 170_000, diagnostics, paths: ['releases/big.md'] }
    const text = formatCheckResult(result, 'text', { color: false })
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toBe('releases/big.md:1:1       warning  Unexpected placeholder {{a}}  unfilled-placeholder')
    expect(lines.at(-1)).toBe('1 file checked: 0 errors, 170000 warnings')
  })
})

describe('Vite’s dependency cache', () => {
  it('should live in the per-user cache folder, outside the project, one folder per project', async () => {
    const { siteDirsOf } = await import('../../src/node/site/siteDirs.ts')
    const home = temp('user-cache')
    const previous = process.env['XDG_CACHE_HOME']
    process.env['XDG_CACHE_HOME'] = home
    try {
      const one = siteDirsOf(await loadProject(temp('vite-one')))
      const two = siteDirsOf(await loadProject(temp('vite-two')))
      expect(one.cacheDir.startsWith(join(home, 'shiplog', 'vite') + '/')).toBe(true)
      expect(two.cacheDir.startsWith(join(home, 'shiplog', 'vite') + '/')).toBe(true)
      expect(one.cacheDir).not.toBe(two.cacheDir)
    } finally {
      if (previous === undefined) delete process.env['XDG_CACHE_HOME']
      else process.env['XDG_CACHE_HOME'] = previous
    }
  })
})
