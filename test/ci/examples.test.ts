import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { childEnv, cliTimeout, CLI_LIMIT_MS, REPO_ROOT, runCli } from '../helpers/runCli.ts'
import { gitlabErrors, junitErrors } from '../check/validators.ts'
import { installShiplog } from './actionRunner.ts'

const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8')

/** A project holding a copy of the bundled records, shiplog installed; `failing` opens two gated items of notifications 1.9.0. */
function project(failing: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-ci-'))
  cpSync(join(REPO_ROOT, 'releases'), join(root, 'releases'), { recursive: true })
  installShiplog(root)
  if (failing) {
    const path = join(root, 'releases/notifications/1.9.0.md')
    writeFileSync(path, readFileSync(path, 'utf8').replace('- [x] Security scan completed (no critical issues)', '- [ ] Security scan completed (no critical issues)').replace('- [x] Integration tests completed', '- [ ] Integration tests completed'))
  }
  return root
}

/** Runs script lines as a GitLab runner does: one bash, each line in turn, the first failing line ends the job with its code. */
function runScript(lines: readonly string[], cwd: string): { code: number; stderr: string } {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', lines.join('\n')], {
    cwd,
    env: childEnv(),
    encoding: 'utf8',
    timeout: CLI_LIMIT_MS * lines.length,
    killSignal: 'SIGKILL',
  })
  return { code: result.status ?? -1, stderr: result.stderr }
}

describe('docs/ci/github-actions.yml', () => {
  interface Workflow {
    on: { pull_request: { paths: string[] }; push: { branches: string[] } }
    permissions: { [scope: string]: string }
    jobs: { check: { steps: Array<{ uses?: string; run?: string; with?: { [key: string]: string | number } }> } }
  }
  const workflow = parse(read('docs/ci/github-actions.yml')) as Workflow

  it('should check out the whole history, install the project and run shiplog\'s action from the installed package', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(workflow.jobs.check.steps).toEqual([
      { uses: 'actions/checkout@v5', with: { 'fetch-depth': 0 } },
      { uses: 'actions/setup-node@v5', with: { 'node-version': '20', cache: 'npm' } },
      { run: 'npm ci' },
      { uses: './node_modules/shiplog', with: { 'install-command': '', 'cache-secret': '${{ secrets.SHIPLOG_CACHE_SECRET }}' } },
    ])
    // The installed package holds the action: `npm pack` ships action.yml.
    const pkg = JSON.parse(read('package.json')) as { files: string[] }
    expect(pkg.files).toContain('action.yml')
  })
})

describe('docs/ci/gitlab-ci.yml', () => {
  interface Job {
    image: string
    cache: Array<{ key: unknown; paths: string[] }>
    script: string[]
    artifacts: { when: string; reports: { [kind: string]: string } }
  }
  const job = (parse(read('docs/ci/gitlab-ci.yml')) as { shiplog: Job }).shiplog

  it('should publish the Code Quality and JUnit reports and cache .shiplog/cache', () => {
    expect(job.image).toBe('node:20')
    expect(job.artifacts.when).toBe('always')
    expect(job.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json', junit: 'shiplog-junit.xml' })
    expect(job.cache.flatMap((entry) => entry.paths)).toContain('.shiplog/cache/')
    expect(job.script[0]).toMatch(/^npm ci\b/)
  })

  it('should write valid reports and fail the job on a record with errors, and pass a clean project', async () => {
    // The script after `npm ci` (the project here has shiplog installed already).
    const failing = project(true)
    const failed = runScript(job.script.slice(1), failing)
    expect(failed.code).toBe(1)
    const issues = JSON.parse(readFileSync(join(failing, 'gl-code-quality-report.json'), 'utf8')) as Array<{ severity: string; location: { path: string; lines: { begin: number } } }>
    expect(gitlabErrors(issues)).toEqual([])
    expect(issues.filter((issue) => issue.severity === 'major').map((issue) => [issue.location.path, issue.location.lines.begin])).toEqual([
      ['releases/notifications/1.9.0.md', 80],
      ['releases/notifications/1.9.0.md', 82],
    ])
    const junit = readFileSync(join(failing, 'shiplog-junit.xml'), 'utf8')
    expect(await junitErrors(junit)).toEqual([])
    expect(junit.match(/<failure /g)).toHaveLength(1)

    const clean = project(false)
    expect(runScript(job.script.slice(1), clean).code).toBe(0)
    expect(JSON.parse(readFileSync(join(clean, 'gl-code-quality-report.json'), 'utf8'))).toEqual(expect.any(Array))
    expect(await junitErrors(readFileSync(join(clean, 'shiplog-junit.xml'), 'utf8'))).toEqual([])
  }, cliTimeout(6))
})

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(read('.pre-commit-hooks.yaml')) as Array<{ id: string; entry: string; language: string; files: string; pass_filenames: boolean }>

  it('should define shiplog-check on release records, passing the file names', () => {
    expect(hooks.map((hook) => hook.id)).toEqual(['shiplog-check'])
    const [hook] = hooks
    expect(hook).toMatchObject({ entry: 'shiplog check', language: 'node', pass_filenames: true })
    const files = new RegExp(hook!.files)
    expect(['releases/2.4.0.md', 'releases/notifications/1.9.0.md'].map((file) => files.test(file))).toEqual([true, true])
    expect(['docs/check.md', 'templates/deployment.md', 'releases/notes.txt'].map((file) => files.test(file))).toEqual([false, false, false])
  })

  it('should run a valid check on the files a commit touches', () => {
    // pre-commit runs `entry` followed by the staged files that match, from the repository root.
    const [command, ...args] = hooks[0]!.entry.split(' ')
    expect(command).toBe('shiplog')
    const root = project(true)
    const failing = runCli([...args, 'releases/notifications/1.9.0.md', 'releases/payments-api/2.4.0.md'], { cwd: root })
    expect(failing.code).toBe(1)
    expect(failing.stdout).toContain('2 files checked: 2 errors, 0 warnings')
    const passing = runCli([...args, 'releases/payments-api/2.4.0.md'], { cwd: root })
    expect([passing.code, passing.stdout]).toEqual([0, '1 file checked, no problems\n'])
  }, cliTimeout(2))
})
