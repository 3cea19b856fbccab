import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/runCli.ts'

/** A production deployment of `version` with one open Cleanup Tasks item (line 19); `status` on line 8. */
function record(status: string, version: string, day: number): string {
  return [
    '---',
    'template: deployment',
    'release: Checkout',
    `version: "${version}"`,
    'component: checkout',
    'release_type: minor',
    'environment: production',
    `status: ${status}`,
    `scheduled: 2026-03-0${day}T14:00:00+01:00`,
    `deployed_at: 2026-03-0${day}T15:00:00+01:00`,
    'owner: Payments team',
    '---',
    '',
    '## Post-Release Activities',
    '',
    '**Cleanup Tasks**:',
    '',
    '- [x] Old release artifacts removed',
    '- [ ] Feature flags cleaned up',
    '',
  ].join('\n')
}

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-status-spelling-'))
  roots.push(root)
  mkdirSync(join(root, 'releases'))
  writeFileSync(join(root, 'releases/2.4.0.md'), record('closed', '2.4.0', 2))
  writeFileSync(join(root, 'releases/2.4.1.md'), record('Closed', '2.4.1', 3))
  writeFileSync(join(root, 'releases/2.4.2.md'), record('" closed "', '2.4.2', 4))
  writeFileSync(join(root, 'releases/2.5.0.md'), record('Rolled-Back', '2.5.0', 5))
  return root
}

interface Diagnostic {
  file: string
  line: number
  rule: string
  severity: string
  message: string
}

describe('the status read the same by check, status and metrics (CLI)', () => {
  it('should apply the closed gate, print the normalised status and count the deployments for every spelling', () => {
    const root = project()

    const check = runCli(['check', '--format', 'json'], { cwd: root })
    const diagnostics = (JSON.parse(check.stdout) as { diagnostics: Diagnostic[] }).diagnostics
    expect(check.code).toBe(1)
    expect(diagnostics.filter((d) => d.rule === 'status-gate').map((d) => [d.file, d.line])).toEqual([
      ['releases/2.4.0.md', 19],
      ['releases/2.4.1.md', 19],
      ['releases/2.4.2.md', 19],
    ])
    expect(diagnostics.filter((d) => d.rule === 'frontmatter-schema').map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      ['releases/2.4.1.md', 8, 'warning', 'Unexpected status `Closed`, expected `closed`: write the status in lower case, without spaces around it'],
      ['releases/2.4.2.md', 8, 'warning', 'Unexpected status `" closed "`, expected `closed`: write the status in lower case, without spaces around it'],
      ['releases/2.5.0.md', 8, 'warning', 'Unexpected status `Rolled-Back`, expected `rolled-back`: write the status in lower case, without spaces around it'],
    ])

    const status = runCli(['status', '--json'], { cwd: root })
    expect(status.code).toBe(0)
    const progress = JSON.parse(status.stdout) as Array<{ file: string; status: string; stages: Array<{ groups: Array<{ name: string; required: boolean }> }> }>
    expect(progress.map((p) => [p.file, p.status, p.stages[0]?.groups[0]?.name, p.stages[0]?.groups[0]?.required])).toEqual([
      ['releases/2.4.0.md', 'closed', 'Cleanup Tasks', true],
      ['releases/2.4.1.md', 'closed', 'Cleanup Tasks', true],
      ['releases/2.4.2.md', 'closed', 'Cleanup Tasks', true],
      ['releases/2.5.0.md', 'rolled-back', 'Cleanup Tasks', false],
    ])

    const metrics = runCli(['metrics', '--json'], { cwd: root })
    expect(metrics.code).toBe(0)
    const figures = JSON.parse(metrics.stdout) as { deployments: number; failed: number; rollbackRate: number }
    expect({ deployments: figures.deployments, failed: figures.failed, rollbackRate: figures.rollbackRate }).toEqual({ deployments: 4, failed: 1, rollbackRate: 0.25 })
  }, 120_000)
})
