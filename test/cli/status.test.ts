import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'
import { tempProject } from '../helpers/tempProject.ts'

const project = (files: { readonly [path: string]: string | Uint8Array }): string => tempProject(files, 'shiplog-status-')

// Two stages of the deployment template: 3 of 5 counted items done (N/A excluded), 1 of 2 triggers fired.
const SMALL = `---
template: deployment
version: "1.4.0"
status: approved
---
# Release 1.4.0

## Pre-Deployment Planning

**Code & Testing**:

- [x] All automated tests passing
- [X] Code review completed and approved
- [ ] N/A: Security scan completed (no critical issues)

**Rollback Triggers**:

- [x] Error rate > 2%
- [ ] Security incident

## Deployment Execution

**Pre-Deployment**:

- [x] Deployment window confirmed
- [ ] Stakeholders notified
- [ ] ~~On-call team alerted~~
`

describe('shiplog status', () => {
  it('should print FORMAT.md §6 JSON for the records of --root, from any folder', () => {
    const root = project({ 'releases/1.4.0.md': SMALL })
    const result = runCli(['--root', root, 'status', '--json'], { cwd: tmpdir() })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: 'releases/1.4.0.md',
        version: '1.4.0',
        status: 'approved',
        done: 3,
        total: 4,
        stages: [
          {
            name: 'Pre-Deployment Planning',
            done: 2,
            total: 2,
            groups: [
              { name: 'Code & Testing', role: 'task', done: 2, total: 2, counted: true, required: true },
              { name: 'Rollback Triggers', role: 'trigger', done: 1, total: 2, counted: false, required: false },
            ],
          },
          {
            name: 'Deployment Execution',
            done: 1,
            total: 2,
            groups: [{ name: 'Pre-Deployment', role: 'task', done: 1, total: 2, counted: true, required: false }],
          },
        ],
        triggers: { fired: 1, total: 2 },
        actionItems: [],
      },
    ])
  }, cliTimeout(1))

  it('should list the action items in --json and the open ones per owner in the text, overdue by the machine\'s date', () => {
    // 2000-01-01 has passed on any machine running this; 2999-12-31 has not.
    const record = `${SMALL}\n## Retrospective & Improvements\n\n### Action Items\n\n| Action | Owner | Due Date | Priority | Status |\n|---|---|---|---|---|\n| Add canary alerts | Ana Ruiz | 2000-01-01 | high | |\n| Automate the rollback | Bo Chen | 2999-12-31 | medium | done |\n`
    const root = project({ 'releases/1.4.0.md': record })
    const json = runCli(['--root', root, 'status', '--json'])
    expect(json.code).toBe(0)
    // SMALL has 27 lines; a blank line, the H2 (29), the H3 (31), the header (33) and separator (34): rows on 35 and 36.
    expect((JSON.parse(json.stdout) as Array<{ actionItems: unknown }>)[0]?.actionItems).toEqual([
      { action: 'Add canary alerts', owner: 'Ana Ruiz', due: '2000-01-01', priority: 'high', status: null, open: true, overdue: true, line: 35 },
      { action: 'Automate the rollback', owner: 'Bo Chen', due: '2999-12-31', priority: 'medium', status: 'done', open: false, overdue: false, line: 36 },
    ])
    const text = runCli(['--root', root, 'status'])
    expect(text.stdout).toMatch(/\n {2}Open action items\s+Ana Ruiz 1 \(1 overdue\)\n/)
  }, cliTimeout(2))

  it('should print plain text without colour when not on a terminal', () => {
    const root = project({ 'releases/1.4.0.md': SMALL })
    const result = runCli(['--root', root, 'status'])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(/\u001b\[/)
    expect(result.stdout).toContain('releases/1.4.0.md  1.4.0  approved  3/4 75%')
    expect(result.stdout).toMatch(/Code & Testing\s+2\/2/)
    expect(result.stdout).toMatch(/Rollback Triggers\s+1\/2 fired/)
  }, cliTimeout(1))

  it('should point at groups the status requires that are still open', () => {
    // Code & Testing is gated at approved: with one of its two items open, 1 is missing.
    const root = project({ 'releases/1.4.0.md': SMALL.replace('- [X] Code review completed and approved', '- [ ] Code review completed and approved') })
    const result = runCli(['--root', root, 'status'])
    expect(result.stdout).toMatch(/Code & Testing\s+1\/2  ← required at approved: 1 open/)
    expect(result.stdout).not.toMatch(/Pre-Deployment\s+1\/2  ←/)
  }, cliTimeout(1))

  it('should take explicit files relative to the current folder', () => {
    const root = project({ 'releases/1.4.0.md': SMALL, 'releases/2.0.0.md': SMALL.replace('1.4.0', '2.0.0') })
    const result = runCli(['status', '--json', 'releases/2.0.0.md'], { cwd: root })
    expect(result.code).toBe(0)
    expect((JSON.parse(result.stdout) as Array<{ file: string }>).map((r) => r.file)).toEqual(['releases/2.0.0.md'])
  }, cliTimeout(1))

  it('should never evaluate ---js frontmatter', () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'shiplog-marker-')), 'evaluated')
    const root = project({
      'releases/evil.md': `---js\n{ version: require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran') }\n---\n## Stage\n\n- [ ] item\n`,
    })
    const result = runCli(['--root', root, 'status'])
    expect(existsSync(marker)).toBe(false)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('releases/evil.md:1:1:')
    expect(result.stderr).toContain('expected YAML')
  }, cliTimeout(1))

  it('should name the file and line of unreadable YAML, a binary file and invalid UTF-8, without a stack trace', () => {
    const root = project({
      'releases/bad-yaml.md': '---\nversion: "1.0.0"\nstatus: [approved\n---\n',
      'releases/binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'releases/latin1.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0x23, 0x20, 0xe9, 0x0a]),
    })
    const result = runCli(['--root', root, 'status'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/releases\/bad-yaml\.md:[34]:\d+: /)
    expect(result.stderr).toMatch(/releases\/binary\.md:1:5: .*binary/i)
    expect(result.stderr).toMatch(/releases\/latin1\.md:3:\d+: .*UTF-8/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  }, cliTimeout(1))
})
