import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

/** A record that passes every gate up to `approved`; `Pre-Deployment` (gate in-progress) has one open item. */
function record(status: string): string {
  return [
    '---',
    'template: deployment',
    'release: Payments API',
    'version: "2.4.0"',
    'component: payments-api',
    'release_type: minor',
    'environment: production',
    `status: ${status}`,
    'scheduled: "2026-11-24T14:00:00+01:00"',
    'owner: payments-team',
    '---',
    '',
    '## Pre-Deployment Planning',
    '',
    '**Code & Testing**:',
    '',
    '- [x] All automated tests passing',
    '',
    '**Infrastructure**:',
    '',
    '- [x] Database backups completed',
    '',
    '**Documentation**:',
    '',
    '- [x] Release notes prepared',
    '',
    '## Deployment Execution',
    '',
    '**Pre-Deployment**:',
    '',
    '- [ ] Deployment window confirmed',
    '- [ ] Stakeholders notified',
    '',
  ].join('\n')
}

function project(status: string): { root: string; path: string } {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-promote-'))
  mkdirSync(join(root, 'releases'))
  const path = join(root, 'releases/2.4.0.md')
  writeFileSync(path, record(status))
  return { root, path }
}

describe('shiplog promote', () => {
  it('should write the new status when the gate passes, keeping every other byte and the comment after it', () => {
    const { root, path } = project("'planned'  # moved by the release manager")
    const result = runCli(['--root', root, 'promote', 'releases/2.4.0.md', 'approved'], { cwd: root })
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('releases/2.4.0.md: `planned` → `approved`\n')
    expect(result.code).toBe(0)
    expect(readFileSync(path, 'utf8')).toBe(record("'approved'  # moved by the release manager"))
    expect(readdirSync(join(root, 'releases'))).toEqual(['2.4.0.md'])
  }, cliTimeout(1))

  it('should move to the next status when none is named', () => {
    const { root, path } = project('planned')
    const result = runCli(['--root', root, 'promote', join(root, 'releases/2.4.0.md')])
    expect(result.code).toBe(0)
    expect(readFileSync(path, 'utf8')).toBe(record('approved'))
  }, cliTimeout(1))

  it('should list the open items by name, exit 1 and leave the file untouched byte for byte', () => {
    const { root, path } = project('approved')
    const before = readFileSync(path)
    const result = runCli(['--root', root, 'promote', 'releases/2.4.0.md', 'in-progress'], { cwd: root })
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(
      [
        'Not promoted: releases/2.4.0.md stays `approved`; 2 open item(s) before `in-progress`:',
        '',
        'Open items at `in-progress`:',
        '  releases/2.4.0.md:31  Deployment Execution › Pre-Deployment: Deployment window confirmed',
        '  releases/2.4.0.md:32  Deployment Execution › Pre-Deployment: Stakeholders notified',
        '',
      ].join('\n'),
    )
    expect(readFileSync(path).equals(before)).toBe(true)
  }, cliTimeout(1))

  it('should report without writing with --dry-run', () => {
    const { root, path } = project('planned')
    const result = runCli(['--root', root, 'promote', 'releases/2.4.0.md', 'approved', '--dry-run'], { cwd: root })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('(dry run) releases/2.4.0.md would move from `planned` to `approved`: the gate passes; nothing written\n')
    expect(readFileSync(path, 'utf8')).toBe(record('planned'))
    const blocked = runCli(['--root', root, 'promote', 'releases/2.4.0.md', 'deployed', '--dry-run'], { cwd: root })
    expect(blocked.code).toBe(1)
    // at `deployed` the two Pre-Deployment items are open, and the During Deployment group (gate deployed) is missing
    expect(blocked.stdout.split('\n')[0]).toBe('(dry run) Not promoted: releases/2.4.0.md stays `planned`; 2 open item(s) and 1 other error(s) before `deployed`:')
    expect(blocked.stdout).toContain('Unexpected missing group `During Deployment` in `Deployment Execution` at status `deployed`')
    expect(readFileSync(path, 'utf8')).toBe(record('planned'))
  }, cliTimeout(2))

  it('should refuse an unknown status with exit 2', () => {
    const { root, path } = project('planned')
    const result = runCli(['--root', root, 'promote', 'releases/2.4.0.md', 'shipped'], { cwd: root })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('shiplog: Unexpected status `shipped`, expected one of planned, approved, in-progress, deployed, verified, closed, rolled-back, failed, cancelled\n')
    expect(readFileSync(path, 'utf8')).toBe(record('planned'))
  }, cliTimeout(1))

  it('should refuse a record outside the releases folder', () => {
    const { root } = project('planned')
    const outside = join(root, 'notes.md')
    writeFileSync(outside, record('planned'))
    const result = runCli(['--root', root, 'promote', 'notes.md', 'approved'], { cwd: root })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('is outside the releases folder releases/')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(readFileSync(outside, 'utf8')).toBe(record('planned'))
  }, cliTimeout(1))

  it('should refuse a record whose frontmatter cannot be read', () => {
    const { root, path } = project('planned')
    const broken = record('planned').replace('owner: payments-team', 'owner: [payments')
    writeFileSync(path, broken)
    const result = runCli(['--root', root, 'promote', 'releases/2.4.0.md', 'approved'], { cwd: root })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^shiplog: releases\/2\.4\.0\.md:\d+:\d+: .*\(the record's frontmatter cannot be read, so its status is not changed\)\n$/)
    expect(readFileSync(path, 'utf8')).toBe(broken)
  }, cliTimeout(1))

  it('should refuse a move back without --force, and make it with --force', () => {
    const { root, path } = project('approved')
    const result = runCli(['--root', root, 'promote', 'releases/2.4.0.md', 'planned'], { cwd: root })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('shiplog: releases/2.4.0.md: Unexpected move from `approved` back to `planned` (`planned` comes before `approved`), expected a later status: pass --force to move a release back\n')
    expect(readFileSync(path, 'utf8')).toBe(record('approved'))
    const forced = runCli(['--root', root, 'promote', 'releases/2.4.0.md', 'planned', '--force'], { cwd: root })
    expect(forced.code).toBe(0)
    expect(readFileSync(path, 'utf8')).toBe(record('planned'))
  }, cliTimeout(2))
})
