import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planInit } from '../../src/core/init/planInit.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'

const DEPLOYMENT = readFileSync(join(REPO_ROOT, 'templates/deployment.md'), 'utf8')

/** The Quality Standards of templates/deployment.md, read off its prose by hand. */
const QUALITY_STANDARDS = {
  deploymentSuccessRate: '> 95%', // ">95% successful deployments"
  recoveryTime: '< 15m', // "<15 minutes for critical issues"
  changeFailureRate: '< 5%', // "<5% of deployments require rollback"
  deploymentFrequency: '>= 10/week', // "multiple deployments per day": two a working day, five days a week
  leadTime: '< 1h', // "<1 hour from commit to production"
}

describe('template targets', () => {
  it('should declare the Quality Standards of the deployment template in its manifest', () => {
    const parsed = parseManifest(DEPLOYMENT, 'deployment')
    expect(parsed.problems).toEqual([])
    expect(parsed.manifest?.targets).toEqual(QUALITY_STANDARDS)
    expect(DEPLOYMENT).toContain('- **Deployment Success Rate**: >95% successful deployments\n')
    expect(DEPLOYMENT).toContain('- **Mean Time to Recovery**: <15 minutes for critical issues\n')
    expect(DEPLOYMENT).toContain('- **Change Failure Rate**: <5% of deployments require rollback\n')
    expect(DEPLOYMENT).toContain('- **Lead Time for Changes**: <1 hour from commit to production\n')
  })

  it('should report a manifest target that does not read, where it stands', () => {
    const source = "{{!--\nshiplog:\n  description: x\n  targets:\n    changeFailureRat: '< 5%'\n    leadTime: soon\n    recoveryTime: '< 1h'\n--}}\n"
    const parsed = parseManifest(source, 'x')
    expect(parsed.manifest?.targets).toEqual({ recoveryTime: '< 1h' })
    expect(parsed.problems.map((p) => [p.line, p.ruleId, p.reason.split(',')[0]])).toEqual([
      [5, 'template-manifest', 'Unexpected target metric `changeFailureRat` (did you mean `changeFailureRate`?)'],
      [6, 'template-manifest', 'Unexpected "soon" (no comparison)'],
    ])
  })

  it('should plan a configuration with the default template’s targets, JSON and TypeScript', () => {
    const bundled = new Map([['deployment', DEPLOYMENT], ['itil', '{{!-- itil --}}\n']])
    const base = { bundled, folderName: 'payments', configFile: null, packageJson: null, gitignore: null }
    const json = JSON.parse(planInit(base).files[0]?.content ?? '') as { targets?: unknown }
    expect(json.targets).toEqual(QUALITY_STANDARDS)
    expect(planInit({ ...base, ts: true }).files[0]?.content).toContain(
      "  targets: { deploymentSuccessRate: '> 95%', recoveryTime: '< 15m', changeFailureRate: '< 5%', deploymentFrequency: '>= 10/week', leadTime: '< 1h' },\n",
    )
    // A default template without targets gives a configuration without them.
    expect(JSON.parse(planInit({ ...base, templates: ['itil'] }).files[0]?.content ?? '')).not.toHaveProperty('targets')
  })

  it('should write the targets with shiplog init, and metrics should check them', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-init-targets-'))
    writeFileSync(join(root, 'package.json'), '{ "name": "payments-api" }\n')
    expect(runCli(['init', root]).code).toBe(0)
    const config = JSON.parse(readFileSync(join(root, 'shiplog.config.json'), 'utf8')) as { targets?: unknown }
    expect(config.targets).toEqual(QUALITY_STANDARDS)
    // One deployment on 2026-03-02, closed: 1 in a 1-day window is 7 per week (< 10), failure rate 0.
    writeFileSync(
      join(root, 'releases/1.0.0.md'),
      '---\nrelease: API\nversion: "1.0.0"\ncomponent: api\nenvironment: production\nstatus: closed\ndeployed_at: "2026-03-02T10:00:00Z"\n---\n\n# API 1.0.0\n',
    )
    const result = runCli(['--root', root, 'metrics', '--json', '--fail-on-targets'])
    expect(result.code).toBe(1)
    const json = JSON.parse(result.stdout) as { targets: Array<{ metric: string; value: number | null; met: boolean | null }> }
    expect(json.targets.map(({ metric, value, met }) => [metric, value, met])).toEqual([
      ['deploymentFrequency', 7, false],
      ['leadTime', null, null],
      ['changeFailureRate', 0, true],
      ['deploymentSuccessRate', 1, true],
      ['recoveryTime', null, null],
    ])
  }, cliTimeout(2))

  it('should write a TypeScript configuration whose targets load', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-init-targets-'))
    writeFileSync(join(root, 'package.json'), '{ "name": "payments-api" }\n')
    mkdirSync(join(root, 'node_modules'))
    symlinkSync(REPO_ROOT, join(root, 'node_modules/shiplog'), 'dir')
    expect(runCli(['init', '--ts'], { cwd: root }).code).toBe(0)
    const result = runCli(['--root', root, 'metrics', '--json'])
    expect(result.code).toBe(0)
    expect((JSON.parse(result.stdout) as { targets: Array<{ target: string }> }).targets.map((t) => t.target)).toEqual(['>= 10/week', '< 1h', '< 5%', '> 95%', '< 15m'])
  }, cliTimeout(2))
})
