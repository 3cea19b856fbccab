import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

function emptyProject(): string {
  return mkdtempSync(join(tmpdir(), 'shiplog-new-'))
}

function frontmatterOf(text: string): { [key: string]: unknown } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)
  if (!match) throw new Error('no frontmatter')
  return parseYaml(match[1] ?? '') as { [key: string]: unknown }
}

const FULL = [
  '--set', 'release_name=Payments API',
  '--set', 'component=payments-api',
  '--set', 'release_type=minor',
  '--set', 'target_environment=production',
  '--set', 'scheduled_date=2026-11-24T14:00:00+01:00',
  '--set', 'owner=payments-team',
]

describe('shiplog new', () => {
  it('should render the bundled template in a folder without templates/', () => {
    const root = emptyProject()
    const result = runCli(['--root', root, 'new', '2.4.0', '--no-input', ...FULL])
    expect(result.stderr).toContain('Created releases/2.4.0.md')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('releases/2.4.0.md\n')
    const text = readFileSync(join(root, 'releases/2.4.0.md'), 'utf8')
    const data = frontmatterOf(text)
    expect(data['template']).toBe('deployment')
    expect(data['release']).toBe('Payments API')
    expect(data['version']).toBe('2.4.0')
    expect(data['component']).toBe('payments-api')
    expect(data['status']).toBe('planned')
    expect(data['changes']).toEqual([])
    expect(text).toContain('**Release**: Payments API (2.4.0)')
    expect(text.match(/^- \[ \] /gm)?.length).toBe(80)
    // values nobody gave stay visible
    expect(text).toContain('**Release Coordinator**: {{release_coordinator}}')
    expect(data['coordinator']).toBe('{{release_coordinator}}')
  }, cliTimeout(1))

  it('should refuse to overwrite an existing record and leave it byte-for-byte intact', () => {
    const root = emptyProject()
    expect(runCli(['--root', root, 'new', '1.0.0', '--no-input', ...FULL]).code).toBe(0)
    const path = join(root, 'releases/1.0.0.md')
    const edited = readFileSync(path, 'utf8').replace('- [ ] All automated tests passing', '- [x] All automated tests passing') + '\r\nlocal notes\r\n'
    writeFileSync(path, edited)
    const second = runCli(['--root', root, 'new', '1.0.0', '--no-input', ...FULL])
    expect(second.code).toBe(1)
    expect(second.stderr).toContain('already exists; use --force')
    expect(second.stderr).not.toMatch(/\bat .*\.ts:\d+/)
    expect(readFileSync(path, 'utf8')).toBe(edited)
    expect(readdirSync(join(root, 'releases'))).toEqual(['1.0.0.md'])
  }, cliTimeout(2))

  it('should replace an existing record with --force', () => {
    const root = emptyProject()
    runCli(['--root', root, 'new', '1.0.0', '--no-input', ...FULL])
    const path = join(root, 'releases/1.0.0.md')
    writeFileSync(path, 'scratch')
    expect(runCli(['--root', root, 'new', '1.0.0', '--no-input', '--force', ...FULL]).code).toBe(0)
    expect(readFileSync(path, 'utf8')).toContain('**Release**: Payments API (1.0.0)')
  }, cliTimeout(2))

  it('should print instead of writing with --dry-run', () => {
    const root = emptyProject()
    const result = runCli(['--root', root, 'new', '1.0.0', '--no-input', '--dry-run', ...FULL])
    expect(result.code).toBe(0)
    expect(result.stdout.startsWith('---\ntemplate: deployment\n')).toBe(true)
    expect(result.stderr).toContain('would write releases/1.0.0.md')
    expect(existsSync(join(root, 'releases'))).toBe(false)
  }, cliTimeout(1))

  it('should keep && and | in values', () => {
    const root = emptyProject()
    const result = runCli(['--root', root, 'new', '1.0.0', '--no-input', ...FULL, '--set', 'business_owner=Ops && Finance | EMEA', '--set', 'risk_1=Cache miss && cold start | p99'])
    expect(result.code).toBe(0)
    const text = readFileSync(join(root, 'releases/1.0.0.md'), 'utf8')
    expect(frontmatterOf(text)['business_owner']).toBe('Ops && Finance | EMEA')
    expect(text).toContain('**Business Owner**: Ops && Finance | EMEA')
    expect(text).toContain('| Cache miss && cold start \\| p99 |')
    expect(text).not.toContain('&amp;')
  }, cliTimeout(1))

  it('should take values from a YAML file, with --set winning', () => {
    const root = emptyProject()
    const values = join(root, 'values.yaml')
    writeFileSync(values, 'release_name: From file\nowner: file-team\nchanges:\n  - id: a1b2c3d\n    title: "Add refunds: partial"\n    committed_at: "2026-11-20T10:00:00+01:00"\n')
    const result = runCli(['--root', root, 'new', '1.0.0', '--no-input', '--values', values, '--set', 'owner=flag-team'])
    expect(result.code).toBe(0)
    const data = frontmatterOf(readFileSync(join(root, 'releases/1.0.0.md'), 'utf8'))
    expect(data['release']).toBe('From file')
    expect(data['owner']).toBe('flag-team')
    expect(data['changes']).toEqual([{ id: 'a1b2c3d', title: 'Add refunds: partial', committed_at: '2026-11-20T10:00:00+01:00' }])
  }, cliTimeout(1))

  it('should fill the cells former variable names filled, from --set and a values file, warning with the new names', () => {
    const root = emptyProject()
    const values = join(root, 'values.yaml')
    writeFileSync(values, 'risk_1: Cache cold start\nimpact: high\nimprovement_2: Faster builds\n')
    const result = runCli(['--root', root, 'new', '1.0.0', '--no-input', '--dry-run', ...FULL, '--values', values, '--set', 'probability=low'])
    expect(result.code).toBe(0)
    // The three risk rows as before the rename: one probability and impact, the record's owner.
    expect(result.stdout).toContain('| Cache cold start | low | high | {{risk_1_mitigation}} | payments-team |\n')
    expect(result.stdout).toContain('| {{risk_3}} | low | high | {{risk_3_mitigation}} | payments-team |\n')
    expect(result.stdout).toContain('### Technical Improvements\n\n- {{technical_improvement_1}}\n- Faster builds\n')
    expect(result.stdout).toContain('### What Could Be Improved\n\n- {{retro_improvement_1}}\n- Faster builds\n')
    // In the order of the manifest's `renamed:`.
    expect(result.stderr.split('\n').filter((line) => line.startsWith('Warning'))).toEqual([
      'Warning: --set probability=low: deprecated variable `probability` of template deployment: its value fills risk_1_probability, risk_2_probability, risk_3_probability; expected those names',
      `Warning: ${values}:2:9: deprecated variable \`impact\` of template deployment: its value fills risk_1_impact, risk_2_impact, risk_3_impact; expected those names`,
      `Warning: ${values}:3:16: deprecated variable \`improvement_2\` of template deployment: its value fills technical_improvement_2, retro_improvement_2; expected those names`,
    ])
  }, cliTimeout(1))

  it('should name the file, line and column of a broken values file', () => {
    const root = emptyProject()
    const values = join(root, 'values.yaml')
    writeFileSync(values, 'owner: a\nowner: b\n')
    const result = runCli(['--root', root, 'new', '1.0.0', '--no-input', '--values', values])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('values.yaml:2:1: Unexpected duplicate key `owner` in the values file, expected each key once')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  }, cliTimeout(1))

  it.each([['../x'], ['/etc/x'], ['CON'], ['a'.repeat(300)], ['x/../../y']])('should refuse the version %j without writing anything', (version) => {
    const root = emptyProject()
    const result = runCli(['--root', root, 'new', version, '--no-input', ...FULL])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unexpected version')
    expect(readdirSync(root)).toEqual([])
  }, cliTimeout(1))

  it('should put the record where the configured pattern says', () => {
    const root = emptyProject()
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ fileName: '{component}/{version}.md' }))
    const result = runCli(['--root', root, 'new', '2.0.0', '--no-input', ...FULL])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('releases/payments-api/2.0.0.md\n')
  }, cliTimeout(1))

  it('should use a project template that overrides the bundled one', () => {
    const root = emptyProject()
    mkdirSync(join(root, 'templates'))
    writeFileSync(
      join(root, 'templates/deployment.md'),
      '{{!--\nshiplog:\n  name: deployment\n  description: Short house template\n  groups: []\n--~}}\n---\ntemplate: deployment\nversion: "{{release_version}}"\nowner: "{{owner}}"\n---\n# {{release_version}}\n\n- [ ] Shipped\n',
    )
    const result = runCli(['--root', root, 'new', '0.1.0', '--no-input', '--set', 'owner=me'])
    expect(result.code).toBe(0)
    expect(readFileSync(join(root, 'releases/0.1.0.md'), 'utf8')).toBe('---\ntemplate: deployment\nversion: "0.1.0"\nowner: "me"\n---\n# 0.1.0\n\n- [ ] Shipped\n')
  }, cliTimeout(1))

  it('should reject an unknown template with one line', () => {
    const root = emptyProject()
    const result = runCli(['--root', root, 'new', '1.0.0', '--no-input', '--template', 'nope'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toMatch(/^shiplog: Unknown template "nope": expected one of .*deployment/)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  }, cliTimeout(1))

  it('should give a Handlebars syntax error of a project template with its file and line', () => {
    const root = emptyProject()
    mkdirSync(join(root, 'templates'))
    writeFileSync(join(root, 'templates/broken.md'), '{{!--\nshiplog:\n  description: Broken\n--~}}\n---\nversion: "{{release_version}}"\n---\n\n{{#if x}}\n- [ ] a\n')
    const result = runCli(['--root', root, 'new', '1.0.0', '--no-input', '--template', 'broken'])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/templates\/broken\.md:\d+:\d+/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  }, cliTimeout(1))
})
