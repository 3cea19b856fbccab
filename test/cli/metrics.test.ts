import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { afterEach, describe, expect, it } from 'vitest'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'
import { killChildren, spawnCli } from '../helpers/spawnCli.ts'

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
  }, cliTimeout(2))

  it('should compute the bundled records as worked out by hand', () => {
    // 14 production deployments: 22 records less planned (payments-api 2.6.0, data-platform
    // 3.1.0), approved (notifications 1.9.0), in-progress (web-storefront 6.1.0, core-banking
    // 4.3.0, mobile-app 8.4.0), cancelled (notifications 1.8.2) and the staging one (2.5.0-rc.1).
    // failed: 2.4.0 (rolled-back), 5.13.0 (failed), 6.0.0 (incident: true) → 3 of 14; the Issues
    // rows of core-banking 4.2.0 and mobile-app 8.3.0 are Low, which is no failure.
    // The repository's own records, read without writing its cache (.shiplog/cache).
    const result = runCli(['--root', REPO_ROOT, 'metrics', '--json', '--no-cache'])
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as {
      window: { days: number }
      deployments: number
      failed: number
      deploymentFrequency: { count: number; perWeek: number }
      leadTime: { changes: number; dropped: number; medianHours: number }
      changeFailureRate: { rate: number }
      rollbackRate: number
      reworkRate: number
      deploymentDuration: { measured: number }
    }
    expect(json.deployments).toBe(14)
    expect(json.failed).toBe(3)
    expect(json.changeFailureRate.rate).toBeCloseTo(3 / 14, 4)
    expect(json.rollbackRate).toBeCloseTo(1 / 14, 4)
    // hotfixes 2.4.1 and 5.13.1
    expect(json.reworkRate).toBeCloseTo(2 / 14, 4)
    // The window runs from the day of payments-api 2.3.0 (2026-07-08) to the day after payments-api
    // 2.5.0 (2026-10-06): 91 days, 13 weeks, so 14 ÷ 13 = 1.08 a week; the three deployments from the
    // other templates (2026-08-22, 2026-09-08, 2026-09-15) fall inside it.
    expect(json.window.days).toBe(91)
    expect(json.deploymentFrequency).toMatchObject({ count: 14, perWeek: 1.08 })
    // 36 changes of the deployment-template records, and 4 each from core-banking 4.2.0,
    // data-platform 3.0.0 and mobile-app 8.3.0, all committed before their deploy time.
    // Sorted, the 24th and 25th of the 48 lead times are 8be41d7 of payments-api 2.3.0 (committed
    // 2026-07-02T11:05:44+02:00 → 2026-07-08T22:12+02:00: 155.10 h) and 2e90cb4 of mobile-app
    // 8.3.0 (2026-09-08T16:31:55+02:00 → 2026-09-15T10:41+02:00: 162.15 h): median 158.63 h.
    expect(json.leadTime).toMatchObject({ changes: 48, dropped: 0, medianHours: 158.63 })
    // each new deployment's timeline has its Duration cells: 25m + 1h 15m + 50m, 20m + 1h 35m + 45m, 4m + 15m + 18m
    expect(json.deploymentDuration.measured).toBe(14)
  }, cliTimeout(1))

  it('should class the frequency with metrics.dailyDeployDays from the config, and say why under --explain', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-metrics-daily-'))
    cpSync(join(REPO_ROOT, 'test/fixtures/metrics/corpus/releases'), join(root, 'releases'), { recursive: true })
    // the corpus's weeks have [3, 4, 1] deploy days → median 3: daily by default, weekly from 5
    const byDefault = JSON.parse(runCli(['--root', root, 'metrics', '--json', '--no-cache']).stdout) as { deploymentFrequency: unknown }
    expect(byDefault.deploymentFrequency).toEqual({ count: 8, perWeek: 3.73, class: 'daily', medianDaysPerWeek: 3, medianDaysPerMonth: 8, dailyDeployDays: 3 })
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ metrics: { dailyDeployDays: 5 } }))
    const result = runCli(['--root', root, 'metrics', '--json', '--no-cache'])
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as { deploymentFrequency: unknown; tiers: { deploymentFrequency: unknown } }
    expect(json.deploymentFrequency).toEqual({ count: 8, perWeek: 3.73, class: 'weekly', medianDaysPerWeek: 3, medianDaysPerMonth: 8, dailyDeployDays: 5 })
    expect(json.tiers.deploymentFrequency).toMatchObject({ tier: 'high', edge: 'at least weekly' })
    const explained = runCli(['--root', root, 'metrics', '--explain', '--no-cache', '--no-color'])
    expect(explained.stdout).toContain('  class weekly: 3 deploy days in the median week (daily from 5 deploy days in the median week')
  }, cliTimeout(3))

  it('should refuse a metrics.dailyDeployDays outside 1–7, naming the file and key', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-metrics-daily-'))
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ metrics: { dailyDeployDays: 0 } }))
    const result = runCli(['--root', root, 'metrics'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('shiplog.config.json: `metrics.dailyDeployDays`: expected a number of deploy days per week from 1 to 7 (default 3)')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  }, cliTimeout(1))

  it('should reject a benchmark year it has no table for', () => {
    const result = runCli(['--root', REPO_ROOT, 'metrics', '--benchmark', '2019', '--no-cache'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('expected one of 2021, 2022, 2023, 2024')
  }, cliTimeout(1))
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
  }, cliTimeout(1))

  it('should say clearly when the range does not exist', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-fromgit-'))
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root })
    const result = runCli(['--root', root, 'new', '1.1.0', '--no-input', '--from-git', 'v9..HEAD'])
    expect(result.code).not.toBe(0)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/v9\.\.HEAD/)
  }, cliTimeout(1))
})

describe('shiplog metrics over deployments thousands of years apart', () => {
  afterEach(() => {
    killChildren()
  })

  /** Two records deployed on 0001-01-01 (a Monday) and 9999-12-31 (a typo, or a hostile record). */
  function farProject(): string {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-metrics-far-'))
    mkdirSync(join(root, 'releases'))
    const record = (version: string, at: string): string =>
      `---\ntemplate: deployment\nrelease: "Far"\nversion: "${version}"\ncomponent: "api"\nrelease_type: minor\nenvironment: production\nstatus: deployed\nscheduled: "${at}"\nowner: "ops"\ndeployed_at: "${at}"\n---\n\n# Release\n`
    writeFileSync(join(root, 'releases/1.0.0.md'), record('1.0.0', '0001-01-01T00:00:00Z'))
    writeFileSync(join(root, 'releases/2.0.0.md'), record('2.0.0', '9999-12-31T12:00:00Z'))
    return root
  }

  it('should print the text report, its trend line bounded, instead of an unexpected error', async () => {
    const result = await spawnCli(['--root', farProject(), 'metrics'], { timeoutMs: 120_000, maxRssMb: 1024 })
    expect(result.timedOut || result.overMemory).toBe(false)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    // The last 1,000 of the window's 521,723 ISO weeks: 9999-12-31 is in 9999-W52 (Monday
    // 9999-12-27), and 999 weeks before that Monday is 9980-11-03, a Monday of 9980-W45.
    const trend = result.stdout.split('\n').find((line) => line.startsWith('Deployments per week')) ?? ''
    expect(trend).toContain('9980-W45 … 9999-W52 (max 1; the last 1000 of 521723 weeks)')
    expect([...trend].filter((ch) => '▁▂▃▄▅▆▇█'.includes(ch))).toHaveLength(1000)
  }, 150_000)

  it('should print --json with the latest 1,000 periods of the series and how many were left out', async () => {
    const result = await spawnCli(['--root', farProject(), 'metrics', '--json'], { timeoutMs: 120_000, maxRssMb: 1024 })
    expect(result.timedOut || result.overMemory).toBe(false)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as { window: { since: string; until: string; days: number }; deployments: number; series: { periods: Array<{ period: string; deployments: number }>; omitted: number } }
    // 0001-01-01 to 10000-01-01 (the day after the last deployment): 9,999 years of 365.2425 days
    // less year 0's 366 = 3,652,059 days; from a Monday, ⌈3,652,059 / 7⌉ = 521,723 weeks.
    expect(json.window).toMatchObject({ since: '0001-01-01T00:00:00.000Z', until: '+010000-01-01T00:00:00.000Z', days: 3_652_059 })
    expect(json.deployments).toBe(2)
    expect(json.series.periods).toHaveLength(1000)
    expect(json.series.omitted).toBe(521_723 - 1000)
    expect(json.series.periods.at(-1)).toMatchObject({ period: '9999-W52', deployments: 1 })
    expect(json.series.periods[0]?.period).toBe('9980-W45')
  }, 150_000)
})

describe('shiplog metrics with wrong flag values', () => {
  afterEach(() => {
    killChildren()
  })

  it.each([
    [['--benchmark', '2024.0'], 'shiplog: Unexpected --benchmark "2024.0": expected one of 2021, 2022, 2023, 2024\n'],
    [['--benchmark', ' 2024'], 'shiplog: Unexpected --benchmark " 2024": expected one of 2021, 2022, 2023, 2024\n'],
    [['--environment', ''], 'shiplog: Unexpected empty --environment: expected an environment name, e.g. production\n'],
    [['--component', '  '], 'shiplog: Unexpected empty --component: expected a component name, e.g. payments-api\n'],
  ])('metrics %j: should refuse it as a usage error', async (args, stderr) => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-metrics-flags-'))
    const result = await spawnCli(['--root', root, 'metrics', ...args], { timeoutMs: 60_000 })
    expect([result.stderr, result.code]).toEqual([stderr, 2])
  }, 90_000)
})
