import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/runCli.ts'

describe('shiplog metrics', () => {
  it('should print every figure as null with a reason for an empty project, and exit 0', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-metrics-'))
    const result = runCli(['--root', root, 'metrics', '--json'])
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as { [key: string]: unknown } & { reasons: { [key: string]: string } }
    expect(json['deployments']).toBe(0)
    expect(json['deploymentFrequency']).toMatchObject({ perWeek: null })
    expect(json['leadTime']).toMatchObject({ medianHours: null, p90Hours: null })
    expect(json['changeFailureRate']).toMatchObject({ rate: null })
    expect(json['recoveryTime']).toMatchObject({ medianHours: null })
    expect(json['rollbackRate']).toBeNull()
    expect(json['reworkRate']).toBeNull()
    expect(json['deploymentDuration']).toMatchObject({ medianMinutes: null })
    expect(typeof json.reasons['rollbackRate']).toBe('string')
    const text = runCli(['--root', root, 'metrics'])
    expect(text.code).toBe(0)
    expect(text.stdout).not.toMatch(/\b0(\.0+)?%/)
  })

  it('should compute the bundled records as worked out by hand', () => {
    // 11 production deployments (16 records less planned, approved, in-progress, cancelled and the staging one);
    // failed: 2.4.0 (rolled-back), 5.13.0 (failed), 6.0.0 (incident: true) → 3 of 11.
    const result = runCli(['metrics', '--json'])
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as { deployments: number; failed: number; changeFailureRate: { rate: number }; rollbackRate: number; reworkRate: number }
    expect(json.deployments).toBe(11)
    expect(json.failed).toBe(3)
    expect(json.changeFailureRate.rate).toBeCloseTo(3 / 11, 4)
    expect(json.rollbackRate).toBeCloseTo(1 / 11, 4)
    // hotfixes 2.4.1 and 5.13.1
    expect(json.reworkRate).toBeCloseTo(2 / 11, 4)
  })

  it('should reject a benchmark year it has no table for', () => {
    const result = runCli(['metrics', '--benchmark', '2019'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('expected one of 2021, 2022, 2023, 2024')
  })
})

describe('shiplog new --from-git', () => {
  it('should fill changes with the commits of the range and their committer times', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-fromgit-'))
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }
    const git = (args: string[], dates?: string): string =>
      execFileSync('git', ['-c', 'user.name=Ana Ruiz', '-c', 'user.email=ana@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd: root,
        env: dates ? { ...env, GIT_AUTHOR_DATE: dates, GIT_COMMITTER_DATE: dates } : env,
        encoding: 'utf8',
      }).trim()
    git(['init', '-q', '-b', 'main'])
    git(['commit', '-q', '--allow-empty', '-m', 'chore: start'], '2026-11-01T09:00:00+01:00')
    git(['tag', 'v1.0.0'])
    git(['commit', '-q', '--allow-empty', '-m', 'feat: partial refunds'], '2026-11-02T10:15:00+01:00')
    const sha = git(['rev-parse', '--short', 'HEAD'])
    mkdirSync(join(root, 'releases'))
    writeFileSync(join(root, '.gitignore'), '')
    const result = runCli(['--root', root, 'new', '1.1.0', '--no-input', '--from-git', 'v1.0.0..HEAD'])
    expect(result.stderr).toContain('Created releases/1.1.0.md')
    expect(result.code).toBe(0)
    const text = readFileSync(join(root, 'releases/1.1.0.md'), 'utf8')
    const data = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as { changes: Array<{ id: string; title: string; committed_at: string }> }
    expect(data.changes).toEqual([{ id: sha, title: 'feat: partial refunds', committed_at: '2026-11-02T10:15:00+01:00' }])
    expect(text).toContain('- feat: partial refunds (' + sha + ')')
  })

  it('should say clearly when the range does not exist', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-fromgit-'))
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root })
    const result = runCli(['--root', root, 'new', '1.1.0', '--no-input', '--from-git', 'v9..HEAD'])
    expect(result.code).not.toBe(0)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/v9\.\.HEAD/)
  })
})
