import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

/**
 * A project of four production deployments, 2026-03-02 … 03-05 (a 4-day window): 1.2.0 rolled
 * back (restored after 30 minutes). Deployments per week 4 / (4 / 7) = 7; change failure rate
 * 1/4 = 25%; recovery 0.5 h; no `changes`, so no lead time.
 */
function project(targets: { [metric: string]: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-targets-'))
  mkdirSync(join(root, 'releases'))
  const write = (version: string, status: string, day: number, extra = ''): void =>
    writeFileSync(
      join(root, 'releases', `${version}.md`),
      `---\nrelease: API\nversion: "${version}"\ncomponent: api\nenvironment: production\nstatus: ${status}\ndeployed_at: "2026-03-0${day}T10:00:00Z"\n${extra}---\n\n# API ${version}\n`,
    )
  write('1.0.0', 'closed', 2)
  write('1.1.0', 'closed', 3)
  write('1.2.0', 'rolled-back', 4, 'restored_at: "2026-03-04T10:30:00Z"\n')
  write('1.3.0', 'closed', 5)
  writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ targets }))
  return root
}

describe('shiplog metrics --fail-on-targets', () => {
  it('should exit 1 and name the missed targets when one is missed', () => {
    const root = project({ changeFailureRate: '< 5%', deploymentFrequency: '>= 1/day' })
    const result = runCli(['--root', root, 'metrics', '--json', '--fail-on-targets'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('1 of 2 targets missed: changeFailureRate < 5%')
    const json = JSON.parse(result.stdout) as { targets: Array<{ metric: string; target: string; value: number | null; met: boolean | null }> }
    expect(json.targets.map(({ metric, target, value, met }) => ({ metric, target, value, met }))).toEqual([
      { metric: 'deploymentFrequency', target: '>= 1/day', value: 7, met: true },
      { metric: 'changeFailureRate', target: '< 5%', value: 0.25, met: false },
    ])
    // Without the flag, a missed target is reported, not a failure.
    const plain = runCli(['--root', root, 'metrics'])
    expect(plain.code).toBe(0)
    expect(plain.stdout).toContain('Change failure rate     < 5%      25%         MISSED')
  }, cliTimeout(2))

  it('should exit 0 when every target is met or has no data', () => {
    // 25% ≤ 25%; recovery 30 min < 1 h; lead time has no data, which is not a miss.
    const root = project({ changeFailureRate: '<= 25%', recoveryTime: '< 1h', leadTime: '< 1h' })
    const result = runCli(['--root', root, 'metrics', '--fail-on-targets'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Targets (0 of 3 missed, 1 without data)')
    expect(result.stdout).toContain('Recovery time           < 1h    30 min  met')
  }, cliTimeout(1))

  it('should exit 1 for a window given with --since/--until that holds no deployment when a frequency target is set', () => {
    const root = project({ deploymentFrequency: '>= 1/week', recoveryTime: '< 1h' })
    const result = runCli(['--root', root, 'metrics', '--since', '2026-04-01', '--until', '2026-05-01', '--fail-on-targets'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('1 of 2 targets missed: deploymentFrequency >= 1/week')
    // Without a window of its own, a project without deployments has no data, which is no miss.
    const empty = mkdtempSync(join(tmpdir(), 'shiplog-targets-'))
    writeFileSync(join(empty, 'shiplog.config.json'), JSON.stringify({ targets: { deploymentFrequency: '>= 1/week' } }))
    expect(runCli(['--root', empty, 'metrics', '--fail-on-targets']).code).toBe(0)
  }, cliTimeout(2))

  it('should refuse a target the configuration cannot read, naming file and key (exit 2)', () => {
    const root = project({ recoverytime: '< 15m' })
    const result = runCli(['--root', root, 'metrics', '--fail-on-targets'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('shiplog.config.json: `targets`: Unexpected metric `recoverytime` (did you mean `recoveryTime`?)')
  }, cliTimeout(1))

  it('should document the exit codes in --help', () => {
    const result = runCli(['metrics', '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('--fail-on-targets')
    expect(result.stdout).toContain('with --fail-on-targets a target')
  }, cliTimeout(1))
})
