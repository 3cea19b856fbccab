import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-implausible-'))
  mkdirSync(join(root, 'releases'))
  // A deploy time far in the future: after the real clock whenever this runs.
  writeFileSync(join(root, 'releases/2.5.0.md'), '---\nenvironment: production\nstatus: deployed\ndeployed_at: 2999-01-01T10:00:00+01:00\n---\n')
  writeFileSync(
    join(root, 'releases/2.4.0.md'),
    '---\nenvironment: production\nstatus: deployed\ndeployed_at: 2026-03-04T14:30:00+01:00\nchanges:\n  - id: C-1\n    committed_at: 1970-01-01T00:00:00Z\n---\n',
  )
  return root
}

describe('implausible dates from the command line', () => {
  it('check warns at the committed_at and the future deployed_at with the real clock', () => {
    // (The bare records lack the deployment template's checklists: other rules report errors.)
    const result = runCli(['--root', project(), 'check', '--format', 'json'])
    const json = JSON.parse(result.stdout) as { diagnostics: Array<{ file: string; line: number; rule: string; severity: string; message: string }> }
    const found = json.diagnostics.filter((d) => d.rule === 'implausible-date')
    expect(found.map((d) => [d.file, d.line, d.severity])).toEqual([
      ['releases/2.4.0.md', 7, 'warning'],
      ['releases/2.5.0.md', 4, 'warning'],
    ])
    expect(found[1]?.message).toMatch(/^Unexpected deploy time 2999-01-01 10:00 \+01:00 \(from `deployed_at`\) after now \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\), expected /)
  }, cliTimeout(1))

  it('metrics --explain lists them, counted', () => {
    const result = runCli(['--root', project(), 'metrics', '--explain'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Deployments {13}2 \(0 failed\)$/m)
    const lines = result.stdout.split('\n')
    const at = lines.indexOf('Implausible dates (counted as written; fix the records)')
    expect(at).toBeGreaterThan(0)
    expect(lines[at + 1]).toContain('releases/2.4.0.md:7  Unexpected `committed_at` 1970-01-01T00:00:00Z of change `C-1`, more than a year (20516 days)')
    expect(lines[at + 2]).toContain('releases/2.5.0.md:4  Unexpected deploy time 2999-01-01 10:00 +01:00')
  }, cliTimeout(1))
})
