import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { importConfigModule } from '../../src/node/fs/importConfigModule.ts'
import { loadConfig } from '../../src/node/fs/loadConfig.ts'

// shiplog.config.ts/.mts/.js/.mjs are compiled by esbuild and evaluated by Node from a data: URL,
// with no loader hook: these pin what a configuration may rely on.

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A project folder holding `files`; its path contains `#` and a space, which file URLs must escape. */
function project(files: { [path: string]: string }): string {
  const parent = mkdtempSync(join(tmpdir(), 'shiplog-config-'))
  roots.push(parent)
  const root = join(parent, 'team #1 repo')
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

/** A package `fake-pkg` in the project's node_modules: `import` and `require` give different values. */
const FAKE_PACKAGE = {
  'node_modules/fake-pkg/package.json': JSON.stringify({ name: 'fake-pkg', exports: { import: './esm.mjs', require: './cjs.cjs' } }),
  'node_modules/fake-pkg/esm.mjs': "export const kind = 'esm'\n",
  'node_modules/fake-pkg/cjs.cjs': "exports.kind = 'cjs'\n",
}

async function refusal(root: string): Promise<ShiplogError> {
  try {
    await loadConfig(root)
  } catch (error) {
    if (error instanceof ShiplogError) return error
    throw error
  }
  throw new Error('loadConfig did not throw')
}

describe('importConfigModule', () => {
  it('should compile TypeScript and the files it imports, each keeping its own import.meta and __dirname', async () => {
    const root = project({
      'shiplog.config.ts': [
        "import { helper } from './lib/helper.ts'",
        'const releases: string = "records"',
        'export const own = { url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename }',
        'export const fromHelper = helper',
        'export default { releases }',
        '',
      ].join('\n'),
      'lib/helper.ts': 'export const helper: { url: string; dirname: string } = { url: import.meta.url, dirname: __dirname }\n',
    })
    const module = (await importConfigModule(join(root, 'shiplog.config.ts'))) as { default: unknown; own: unknown; fromHelper: unknown }
    expect(module.default).toEqual({ releases: 'records' })
    expect(module.own).toEqual({ url: pathToFileURL(join(root, 'shiplog.config.ts')).href, dirname: root, filename: join(root, 'shiplog.config.ts') })
    expect(module.fromHelper).toEqual({ url: pathToFileURL(join(root, 'lib/helper.ts')).href, dirname: join(root, 'lib') })
    // `#` and the space are escaped in the URLs: %23 and %20
    expect((module.own as { url: string }).url).toContain('/team%20%231%20repo/shiplog.config.ts')
  })

  it('should resolve packages from the project, as import in an ES module and as require in CommonJS', async () => {
    const root = project({
      ...FAKE_PACKAGE,
      'shiplog.config.mjs': "import { kind } from 'fake-pkg'\nimport { sep } from 'node:path'\nexport default { kind, sep }\n",
      'other.config.js': "const { kind } = require('fake-pkg')\nconst { sep } = require('node:path')\nmodule.exports = { kind, sep }\n",
    })
    expect((await importConfigModule(join(root, 'shiplog.config.mjs'))).default).toEqual({ kind: 'esm', sep: '/' })
    expect((await importConfigModule(join(root, 'other.config.js'))).default).toEqual({ kind: 'cjs', sep: '/' })
  })

  it('should write nothing, neither beside the configuration nor in it', async () => {
    const root = project({ 'shiplog.config.ts': 'export default { releases: "records" as string }\n' })
    await importConfigModule(join(root, 'shiplog.config.ts'))
    expect(readdirSync(root, { recursive: true })).toEqual(['shiplog.config.ts'])
  })
})

describe('loadConfig of a TypeScript or JavaScript configuration', () => {
  it('should resolve a CommonJS configuration (module.exports) like any other', async () => {
    const root = project({ 'shiplog.config.js': "const { join } = require('node:path')\nmodule.exports = { releases: join('docs', 'releases') }\n" })
    const { config, file } = await loadConfig(root)
    expect([file, config.releases]).toEqual(['shiplog.config.js', 'docs/releases'])
  })

  it('should report a syntax error in one line, naming file, line and column', async () => {
    // line 2: `  releases: ,` — the comma is the 13th character
    const error = await refusal(project({ 'shiplog.config.ts': 'export default {\n  releases: ,\n}\n' }))
    expect([error.message, error.exitCode]).toEqual(['shiplog.config.ts: could not load the configuration: shiplog.config.ts:2:13: Unexpected ","', 2])
  })

  it('should report a package that is not installed, naming where it is imported', async () => {
    // line 1: `import { defineConfig } from 'shiplog-not-installed'`: the string starts at the 30th character
    const error = await refusal(project({ 'shiplog.config.ts': "import { defineConfig } from 'shiplog-not-installed'\nexport default defineConfig({})\n" }))
    expect([error.message, error.exitCode]).toEqual([
      'shiplog.config.ts: could not load the configuration: shiplog.config.ts:1:30: Could not resolve "shiplog-not-installed"',
      2,
    ])
  })

  it('should report what a configuration throws when it runs, in one line', async () => {
    const error = await refusal(project({ 'shiplog.config.mts': "throw new Error('no releases folder configured\\nsecond line')\n" }))
    expect([error.message, error.exitCode]).toEqual(['shiplog.config.mts: could not load the configuration: no releases folder configured', 2])
  })
})
