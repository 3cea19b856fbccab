import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { cliTimeout, REPO_ROOT } from '../helpers/runCli.ts'
import { evaluate, installShiplog, runSteps, type Contexts, type Step } from './actionRunner.ts'

interface Action {
  name: string
  inputs: { [name: string]: { description: string; default?: string } }
  runs: { using: string; steps: Step[] }
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action

/** The inputs as the runner passes them: each input's default, then the workflow's `with:`. */
function contextsFor(withInputs: { [name: string]: string }, github: { [name: string]: string }): Contexts {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? '']))
  return { inputs: { ...inputs, ...withInputs }, github, runner: { os: 'Linux' }, steps: { 'shiplog-cache': { outputs: { 'cache-hit': 'false' } } } }
}

/** A repository holding a copy of the bundled records in `folder`, with shiplog installed. */
function workspace(folder = '.'): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-action-'))
  cpSync(join(REPO_ROOT, 'releases'), join(root, folder, 'releases'), { recursive: true })
  installShiplog(join(root, folder))
  return root
}

/** Opens two Code & Testing items of notifications 1.9.0 (`approved`): two status-gate errors. */
function openTwoItems(project: string): void {
  const path = join(project, 'releases/notifications/1.9.0.md')
  const text = readFileSync(path, 'utf8')
  writeFileSync(path, text.replace('- [x] Security scan completed (no critical issues)', '- [ ] Security scan completed (no critical issues)').replace('- [x] Integration tests completed', '- [ ] Integration tests completed'))
}

describe('action.yml', () => {
  it('should be a composite action with the documented inputs and current action majors', () => {
    expect(action.runs.using).toBe('composite')
    expect(Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))).toEqual({
      'working-directory': '.',
      args: '',
      'node-version': '20',
      'install-command': 'npm ci',
      changed: 'auto',
      format: 'github',
      'max-warnings': '',
      'cache-secret': '',
      records: 'releases',
    })
    for (const input of Object.values(action.inputs)) expect(input.description).not.toBe('')
    expect(action.runs.steps.map((step) => step.uses ?? 'run')).toEqual(['actions/setup-node@v5', 'run', 'actions/cache/restore@v5', 'run', 'actions/cache/save@v5'])
    const [setup, , restore, check, save] = action.runs.steps as [Step, Step, Step, Step, Step]
    expect(setup.with).toEqual({ 'node-version': '${{ inputs.node-version }}' })
    // The cache is the project's .shiplog/cache, keyed on its records, templates, config and lockfile, and saved even after a failed check.
    expect(restore.with?.['path']).toBe('${{ inputs.working-directory }}/.shiplog/cache')
    expect(restore.with?.['key']).toContain(
      "hashFiles(format('{0}/{1}/**', inputs.working-directory, inputs.records), format('{0}/templates/**', inputs.working-directory), format('{0}/shiplog.config.*', inputs.working-directory), format('{0}/package-lock.json', inputs.working-directory))",
    )
    expect(save.with).toEqual({ path: restore.with?.['path'], key: '${{ steps.shiplog-cache.outputs.cache-primary-key }}' })
    expect(save.if).toContain('always()')
    // Inputs reach the check's script through env only: nothing is pasted into the script itself.
    expect(check.run).not.toContain('${{')
    // The cache secret reaches shiplog (a restored cache verifies only under the key it was written with).
    expect(check.env?.['SHIPLOG_CACHE_SECRET']).toBe('${{ inputs.cache-secret }}')
  })

  it('should pass a clean project on push, checking every record and appending the job summary', () => {
    const root = workspace()
    const summary = join(mkdtempSync(join(tmpdir(), 'shiplog-summary-')), 'summary.md')
    const runs = runSteps(action.runs.steps, contextsFor({ 'install-command': '' }, { event_name: 'push', base_ref: '' }), root, { GITHUB_STEP_SUMMARY: summary })
    // The install step is skipped (install-command empty); the check step runs.
    expect(runs.map((run) => run.step.name)).toEqual(['Check release records'])
    expect(runs[0]).toMatchObject({ code: 0, stdout: '', stderr: '' })
    const markdown = readFileSync(summary, 'utf8')
    expect(markdown.startsWith('## shiplog check\n\n22 files checked: 0 errors, ')).toBe(true)
  }, cliTimeout(1))

  it('should check only the records a pull request changes, annotate them and fail, in a project in a subfolder', () => {
    const root = workspace('docs/releases-project')
    const project = join(root, 'docs/releases-project')
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' })
    git('init', '-q', '-b', 'main')
    git('add', 'docs/releases-project/releases')
    git('commit', '-qm', 'records')
    // What actions/checkout with fetch-depth 0 leaves for a pull request into main.
    git('update-ref', 'refs/remotes/origin/main', 'HEAD')
    git('checkout', '-qb', 'feature')
    openTwoItems(project)
    git('commit', '-qam', 'open two items')

    const summary = join(mkdtempSync(join(tmpdir(), 'shiplog-summary-')), 'summary.md')
    const contexts = contextsFor({ 'install-command': '', 'working-directory': 'docs/releases-project' }, { event_name: 'pull_request', base_ref: 'main' })
    expect(evaluate(action.runs.steps[1]!.if!, contexts)).toBe(false)
    const [check] = runSteps(action.runs.steps, contexts, root, { GITHUB_STEP_SUMMARY: summary })
    expect(check?.code).toBe(1)
    expect(check?.stderr).toBe('')
    const annotations = check!.stdout.split('\n').filter((line) => line !== '')
    expect(annotations.map((line) => line.slice(0, line.indexOf('::', 2)))).toEqual([
      '::error file=releases/notifications/1.9.0.md,line=80,col=1,title=status-gate',
      '::error file=releases/notifications/1.9.0.md,line=82,col=1,title=status-gate',
    ])
    const markdown = readFileSync(summary, 'utf8')
    expect(markdown).toContain('1 file checked: 2 errors, 0 warnings.')
    expect(markdown).toContain('| releases/notifications/1.9.0.md:82:1 | status-gate |')
  }, cliTimeout(1))

  it('should pass max-warnings, args and an explicit changed ref to check', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-action-'))
    cpSync(join(REPO_ROOT, 'releases/payments-api/2.3.0.md'), join(root, 'releases/2.3.0.md'))
    cpSync(join(REPO_ROOT, 'releases/payments-api/2.3.0.md'), join(root, 'releases/other.md'))
    // A number where the format wants a string: two warnings (frontmatter-schema, numeric-version).
    const path = join(root, 'releases/2.3.0.md')
    writeFileSync(path, readFileSync(path, 'utf8').replace('version: "2.3.0"', 'version: 2.3'))
    installShiplog(root)
    const steps = action.runs.steps
    const push = { event_name: 'push', base_ref: '' }
    const base = { 'install-command': '', format: 'json' }

    const [limited] = runSteps(steps, contextsFor({ ...base, 'max-warnings': '1', args: 'releases/2.3.0.md' }, push), root, {})
    expect(limited?.code).toBe(1)
    expect(JSON.parse(limited!.stdout)).toMatchObject({ files: 1, errors: 0, warnings: 2 })

    const [allowed] = runSteps(steps, contextsFor({ ...base, 'max-warnings': '2', args: ' releases/2.3.0.md   releases/other.md ' }, push), root, {})
    expect(allowed?.code).toBe(0)
    expect(JSON.parse(allowed!.stdout)).toMatchObject({ files: 2, errors: 0, warnings: 2 })

    // An explicit ref is passed to --changed as it is (here: no git repository, a usage error).
    const [changed] = runSteps(steps, contextsFor({ ...base, changed: 'origin/release' }, push), root, {})
    expect(changed?.code).toBe(2)
    expect(changed?.stderr).toMatch(/--changed origin\/release: /)
  }, cliTimeout(3))
})
