import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

function emptyProject(): string {
  return mkdtempSync(join(tmpdir(), 'shiplog-choices-'))
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
  '--set', 'scheduled_date=2026-11-24T14:00:00+01:00',
  '--set', 'owner=payments-team',
]

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }

function git(cwd: string, args: string[]): void {
  execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'user.name=Ana Ruiz', '-c', 'user.email=dev@example.com', ...args], { cwd, env: GIT_ENV, stdio: 'ignore' })
}

describe('shiplog new: declared choices', () => {
  it('should refuse a --set value outside the choices with one line naming the variable, the value and the choices', () => {
    const root = emptyProject()
    const result = runCli(['--root', root, 'new', '1.0.0', '--template', 'stage-gate', '--no-input', ...FULL, '--set', 'variant=bogus'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('shiplog: --set variant=bogus: Unexpected variant `bogus`, expected one of professional-services, agency\n')
    expect(existsSync(join(root, 'releases'))).toBe(false)
  }, cliTimeout(1))

  it('should suggest the nearest choice', () => {
    const root = emptyProject()
    const result = runCli(['--root', root, 'new', '1.0.0', '--template', 'itil', '--no-input', ...FULL, '--set', 'impact=hihg'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('shiplog: --set impact=hihg: Unexpected impact `hihg`, expected one of low, medium, high (did you mean `high`?)\n')
  }, cliTimeout(1))

  it('should name the values file, line and column of a value outside the choices', () => {
    const root = emptyProject()
    const values = join(root, 'values.yaml')
    // line 2, column 10: the value after `urgency: `
    writeFileSync(values, 'impact: high\nurgency: "urgent"\n')
    const result = runCli(['--root', root, 'new', '1.0.0', '--template', 'itil', '--no-input', ...FULL, '--values', values])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`shiplog: ${values}:2:10: Unexpected urgency \`urgent\`, expected one of low, medium, high\n`)
    expect(existsSync(join(root, 'releases'))).toBe(false)
  }, cliTimeout(1))

  it('should write the template spelling of a choice given in another case or with spaces', () => {
    const root = emptyProject()
    const values = join(root, 'values.yaml')
    writeFileSync(values, 'impact: " High "\n')
    const result = runCli(['--root', root, 'new', '1.0.0', '--template', 'itil', '--no-input', ...FULL, '--values', values, '--set', 'urgency=HIGH', '--set', 'target_environment=Staging'])
    // 18 optional ITIL values stay unfilled (coordinator … post_duration), nothing is warned about
    expect(result.stderr).toBe('Created releases/1.0.0.md with 18 value(s) still to fill in, e.g. {{release_coordinator}}, {{business_owner}}, {{rollback_strategy}}, {{change_request}}, {{cab_approver}}\n')
    expect(result.code).toBe(0)
    const text = readFileSync(join(root, 'releases/1.0.0.md'), 'utf8')
    const data = frontmatterOf(text)
    expect(data['impact']).toBe('high')
    expect(data['urgency']).toBe('high')
    expect(data['environment']).toBe('staging')
    // high impact with high urgency adds the Training phase
    expect(text).toContain('## Training')
  }, cliTimeout(1))

  it('should warn about an unknown --set key, naming it and the nearest known one, and still render', () => {
    const root = emptyProject()
    const result = runCli(['--root', root, 'new', '1.0.0', '--template', 'stage-gate', '--no-input', ...FULL, '--set', 'varient=agency'])
    expect(result.code).toBe(0)
    const lines = result.stderr.trim().split('\n')
    expect(lines[0]).toMatch(/^Warning: unexpected --set varient \(did you mean `variant`\?\): not a variable of template stage-gate nor a frontmatter key, rendered anyway; its variables: release_name, release_version, /)
    expect(lines[0]).toContain(', variant, ')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^Created releases\/1\.0\.0\.md/)
    expect(existsSync(join(root, 'releases/1.0.0.md'))).toBe(true)
  }, cliTimeout(1))

  it('should not warn about declared variables or frontmatter keys given with --set', () => {
    const root = emptyProject()
    const result = runCli(['--root', root, 'new', '1.0.0', '--no-input', ...FULL, '--set', 'deployed_at=2026-11-24T15:00:00+01:00', '--set', 'rollback_strategy=canary'])
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('Warning')
  }, cliTimeout(1))

  it('should warn when the --from-git range has no commits, and still render', () => {
    const root = emptyProject()
    git(root, ['init', '-q'])
    git(root, ['commit', '-q', '--allow-empty', '-m', 'Release 1.2.0'])
    git(root, ['tag', 'v1.2.0'])
    const result = runCli(['--root', root, 'new', '1.3.0', '--no-input', ...FULL, '--set', 'target_environment=production', '--from-git', 'v1.2.0..HEAD'])
    expect(result.code).toBe(0)
    const lines = result.stderr.trim().split('\n')
    expect(lines[0]).toBe('Warning: --from-git v1.2.0..HEAD: no commits in range; the changes table is left to fill by hand')
    expect(frontmatterOf(readFileSync(join(root, 'releases/1.3.0.md'), 'utf8'))['changes']).toEqual([])
  }, cliTimeout(1))

  it('should not warn when the --from-git range has commits', () => {
    const root = emptyProject()
    git(root, ['init', '-q'])
    git(root, ['commit', '-q', '--allow-empty', '-m', 'Release 1.2.0'])
    git(root, ['tag', 'v1.2.0'])
    git(root, ['commit', '-q', '--allow-empty', '-m', 'Add refunds'])
    const result = runCli(['--root', root, 'new', '1.3.0', '--no-input', ...FULL, '--set', 'target_environment=production', '--from-git', 'v1.2.0..HEAD'])
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('Warning')
  }, cliTimeout(1))
})
