import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'

const PACKAGE_JSON = '{\n  "name": "payments-api",\n  "private": true\n}\n'

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-init-'))
  writeFileSync(join(root, 'package.json'), PACKAGE_JSON)
  return root
}

const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8')

describe('shiplog init', () => {
  it('should set up a repository, say what it created, and leave package.json alone', () => {
    const root = repository()
    const result = runCli(['init', root])
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n').slice(0, 6)).toEqual([
      'shiplog init: 5 files created, 0 kept',
      '  created  shiplog.config.json            configuration',
      '  created  templates/deployment.md        template (the default)',
      '  created  releases/README.md             the release records folder (its README is not read as a record)',
      '  created  .github/workflows/shiplog.yml  CI: shiplog check on pull requests and main',
      '  created  .gitignore                     keeps the site build out of git',
    ])
    expect(result.stdout).toContain('"releases:check": "shiplog check"')
    expect(read(root, 'package.json')).toBe(PACKAGE_JSON)
    expect(JSON.parse(read(root, 'shiplog.config.json'))).toEqual({
      releases: 'releases',
      fileName: '{version}.md',
      template: 'deployment',
      templates: 'templates',
      site: { title: 'payments-api releases' },
      // the deployment template's Quality Standards (its manifest's `targets:`)
      targets: { deploymentSuccessRate: '> 95%', recoveryTime: '< 15m', changeFailureRate: '< 5%', deploymentFrequency: '>= 10/week', leadTime: '< 1h' },
    })
    expect(read(root, 'templates/deployment.md')).toBe(read(REPO_ROOT, 'templates/deployment.md'))
    expect(read(root, '.github/workflows/shiplog.yml')).toBe(read(REPO_ROOT, 'docs/ci/github-actions.yml').replace('# Copy to .github/workflows/shiplog.yml.\n', ''))

    // the README is not a record: with no records check fails (exit 2) unless --allow-empty, then one record
    expect(runCli(['--root', root, 'check']).code).toBe(2)
    expect(runCli(['--root', root, 'check', '--allow-empty']).stdout).toBe('0 files checked, no problems\n')
    const created = runCli(['--root', root, 'new', '1.0.0', '--no-input', '--set', 'component=payments-api'])
    expect(created.stdout).toBe('releases/1.0.0.md\n')
    const status = JSON.parse(runCli(['--root', root, 'status', '--json']).stdout) as Array<{ file: string }>
    expect(status.map((record) => record.file)).toEqual(['releases/1.0.0.md'])
  }, cliTimeout(5))

  it('should keep every file already there byte for byte, and create nothing on a second run', () => {
    const root = repository()
    mkdirSync(join(root, '.github/workflows'), { recursive: true })
    writeFileSync(join(root, '.github/workflows/shiplog.yml'), 'name: ours\n')
    writeFileSync(join(root, '.gitignore'), 'node_modules/\ndist\n')
    writeFileSync(join(root, 'shiplog.config.js'), 'export default { releases: "records" }\n')
    const first = runCli(['--root', root, 'init'])
    expect(first.code).toBe(0)
    expect(first.stdout.split('\n').slice(0, 5)).toEqual([
      'shiplog init: 2 files created, 2 kept',
      '  kept     shiplog.config.js              already there, left as it was',
      '  created  templates/deployment.md        template',
      '  created  releases/README.md             the release records folder (its README is not read as a record)',
      '  kept     .github/workflows/shiplog.yml  already there, left as it was',
    ])
    expect(first.stdout).toContain('Lines to add to .gitignore (shiplog does not edit it):\n  .shiplog/\n')
    expect(read(root, '.github/workflows/shiplog.yml')).toBe('name: ours\n')
    expect(read(root, '.gitignore')).toBe('node_modules/\ndist\n')
    expect(read(root, 'shiplog.config.js')).toBe('export default { releases: "records" }\n')
    expect(existsSync(join(root, 'shiplog.config.json'))).toBe(false)

    writeFileSync(join(root, 'templates/deployment.md'), 'edited by the team\n')
    const second = runCli(['--root', root, 'init'])
    expect(second.stdout.split('\n')[0]).toBe('shiplog init: 0 files created, 4 kept')
    expect(read(root, 'templates/deployment.md')).toBe('edited by the team\n')
  }, cliTimeout(2))

  it('should say how to install shiplog when the project lacks it: from git, a tarball of this version, or the registry', () => {
    const root = repository()
    const version = (JSON.parse(read(REPO_ROOT, 'package.json')) as { version: string }).version
    const result = runCli(['init', root])
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    const at = lines.indexOf('Add shiplog to the project so CI can run it (the workflow runs `npm ci` and `npx shiplog`), one of these ways:')
    expect(at).toBeGreaterThan(0)
    expect(lines.slice(at + 1, at + 4).map((line) => line.split('  #')[0]?.trim())).toEqual([
      'npm install --save-dev git+https://<host>/<owner>/shiplog.git',
      `npm install --save-dev ./shiplog-${version}.tgz`,
      'npm install --save-dev shiplog',
    ])
  }, cliTimeout(1))

  it('should write a TypeScript configuration with the chosen templates, the first one the default', () => {
    const root = repository()
    // the configuration imports defineConfig from 'shiplog': resolve it to this checkout
    mkdirSync(join(root, 'node_modules'))
    symlinkSync(REPO_ROOT, join(root, 'node_modules/shiplog'), 'dir')
    const result = runCli(['init', '--ts', '--template', 'itil', '-t', 'stage-gate'], { cwd: root })
    expect(result.code).toBe(0)
    expect(read(root, 'shiplog.config.ts')).toContain("import { defineConfig } from 'shiplog'\n\nexport default defineConfig({\n")
    expect(readdirSync(join(root, 'templates')).sort()).toEqual(['itil.md', 'stage-gate.md'])
    const templates = JSON.parse(runCli(['--root', root, 'templates', '--json']).stdout) as Array<{ name: string; source: string; default: boolean }>
    expect(templates.filter((t) => t.source === 'project').map((t) => [t.name, t.default])).toEqual([
      ['itil', true],
      ['stage-gate', false],
    ])
    expect(runCli(['--root', root, 'check', '--templates']).stdout).toBe('2 files checked, no problems\n')
  }, cliTimeout(3))

  it('should refuse an unknown template or a missing folder with exit 2, writing nothing', () => {
    const root = repository()
    const unknown = runCli(['--root', root, 'init', '--template', 'kanban'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('shiplog: Unknown template "kanban": expected one of deployment, itil, product-release, stage-gate\n')
    expect(readdirSync(root)).toEqual(['package.json'])
    const missing = runCli(['init', join(root, 'nope')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^shiplog: Unexpected folder .*nope: expected an existing folder/)
  }, cliTimeout(2))
})
