import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

// 2021-03-05 is a Friday, 2021-03-08 a Monday. Every date is long past, so the running stage is overdue whatever the clock says.
const RECORD = `---
template: stage-gate
version: "3.1.0"
status: in-progress
stages:
  Pre-Deployment Verification: { started: 2021-03-05T09:00+01:00, ended: 2021-03-08T09:00+01:00 }
  Deployment Execution: { started: 2021-03-09T14:00+01:00 }
---
## Pre-Deployment Verification

- [x] Staging test results

## Deployment Execution

- [ ] Release deployed to production
`

describe('shiplog status with stage times', () => {
  let root = ''
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it('should add role, expected, actual, over and overdue to the stages in --json and the text', () => {
    root = mkdtempSync(join(tmpdir(), 'shiplog-stages-'))
    mkdirSync(join(root, 'releases'))
    writeFileSync(join(root, 'releases/3.1.0.md'), RECORD)
    const json = runCli(['--root', root, 'status', '--json'])
    expect(json.stderr).toBe('')
    expect(json.code).toBe(0)
    const [record] = JSON.parse(json.stdout) as Array<{ stages: Array<{ [key: string]: unknown }> }>
    expect(record?.stages.map(({ groups: _, ...stage }) => stage)).toEqual([
      {
        name: 'Pre-Deployment Verification',
        done: 1,
        total: 1,
        role: 'Quality Assurance Lead',
        expected: { min: 1, max: 2, unit: 'days', text: '1-2 days' },
        // Friday 09:00 → Monday 09:00: 72 clock hours, 1 business day.
        actual: { started: '2021-03-05T09:00+01:00', ended: '2021-03-08T09:00+01:00', hours: 72, days: 1 },
        over: false,
        overdue: false,
      },
      {
        name: 'Deployment Execution',
        done: 0,
        total: 1,
        role: 'DevOps Engineer',
        expected: { min: 1, max: 4, unit: 'hours', text: '1-4 hours' },
        actual: { started: '2021-03-09T14:00+01:00', ended: null, hours: null, days: null },
        over: null,
        overdue: true,
      },
    ])
    const text = runCli(['--root', root, 'status'])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('1/1  · Quality Assurance Lead · expected 1-2 days · took 1 business day\n')
    expect(text.stdout).toContain('0/1  · DevOps Engineer · expected 1-4 hours · started 2021-03-09T14:00+01:00, overdue\n')
  }, cliTimeout(2))
})
