import { describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'
import { SHOW_RECORD } from '../show/fixtureRecord.ts'
import { tempProject } from '../helpers/tempProject.ts'

const project = (files: { readonly [path: string]: string | Uint8Array }): string => tempProject(files, 'shiplog-show-')

describe('shiplog show', () => {
  it('should print one record without colour when NO_COLOR is set, even with FORCE_COLOR, wrapped at 80 columns off a terminal', () => {
    const root = project({ 'releases/web-shop/3.2.0.md': SHOW_RECORD })
    const result = runCli(['--root', root, 'show', 'web-shop@3.2.0'], { env: { FORCE_COLOR: '1' } })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(/\u001b\[/)
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80)
    expect(result.stdout).toContain('Next  verified: 3 items left\n  Overdue: required at deployed\n    Deployment Execution › During Deployment\n')
    // "… traffic to the new" would take 81 columns: "new" starts the next line, under a hanging indent.
    expect(result.stdout).toContain('      [ ] Smoke tests passed in production after the switch of traffic to the\n          new version of the checkout service (line 30)\n')
  }, cliTimeout(1))

  it('should print the same as JSON with --json', () => {
    const root = project({ 'releases/web-shop/3.2.0.md': SHOW_RECORD })
    const result = runCli(['--root', root, 'show', '3.2.0', '--json'])
    expect(result.code).toBe(0)
    const view = JSON.parse(result.stdout) as { status: string; next: { next: string; left: number }; progress: { done: number; total: number }; issues: Array<{ failure: boolean }> }
    expect(view.status).toBe('deployed')
    expect(view.next).toMatchObject({ next: 'verified', left: 3 })
    expect([view.progress.done, view.progress.total]).toEqual([6, 10])
    expect(view.issues.map((issue) => issue.failure)).toEqual([true])
  }, cliTimeout(1))
})
