import { describe, expect, it } from 'vitest'
import { formatGitlab } from '../../src/core/check/format/gitlab.ts'
import { formatJunit } from '../../src/core/check/format/junit.ts'
import { formatSarif } from '../../src/core/check/format/sarif.ts'
import type { CheckResult } from '../../src/core/check/types.ts'
import { messages } from '../helpers/messages.ts'
import { gitlabErrors, junitErrors, sarifErrors } from './validators.ts'

/** Messages and paths with every character the formats must escape or encode. */
const nasty: CheckResult = {
  files: 3,
  errors: 2,
  warnings: 1,
  paths: ['releases/1.0.0.md', 'releases/a,b:c #1?.md', 'releases/clean.md'],
  diagnostics: messages([
    { file: 'releases/1.0.0.md', line: 12, column: 1, rule: 'status-gate', severity: 'error', message: 'Unexpected open item `A & B <x>`, expected "done"' },
    { file: 'releases/1.0.0.md', line: 40, column: 21, rule: 'unfilled-placeholder', severity: 'warning', message: '50% done\r\nnext: a, b' },
    { file: 'releases/a,b:c #1?.md', line: 3, column: 10, rule: 'frontmatter-yaml', severity: 'error', message: "Bad \u0000\u0001\u001b[31m 'q' \ud800 ]]> \ufffe" },
  ]),
}

const clean: CheckResult = { files: 1, errors: 0, warnings: 0, paths: ['releases/clean.md'], diagnostics: [] }
const empty: CheckResult = { files: 0, errors: 0, warnings: 0, paths: [], diagnostics: [] }

describe('report formats against their published schemas', () => {
  it.each([['nasty', nasty], ['clean', clean], ['empty', empty]])('should write SARIF valid against sarif-schema-2.1.0.json (%s)', (_, result) => {
    expect(sarifErrors(JSON.parse(formatSarif(result, { version: '1.2.3' })))).toEqual([])
  })

  it('should be checked by a validator that rejects invalid SARIF', () => {
    const sarif = JSON.parse(formatSarif(nasty)) as { runs: Array<{ results: Array<{ level: string }> }> }
    sarif.runs[0]!.results[0]!.level = 'fatal'
    expect(sarifErrors(sarif)).not.toEqual([])
    const noVersion = JSON.parse(formatSarif(nasty)) as Record<string, unknown>
    delete noVersion['version']
    expect(sarifErrors(noVersion)).not.toEqual([])
  })

  it.each([['nasty', nasty], ['clean', clean]])('should write GitLab Code Quality JSON valid against the documented format (%s)', (_, result) => {
    expect(gitlabErrors(JSON.parse(formatGitlab(result)))).toEqual([])
  })

  it('should be checked by a validator that rejects an unknown severity or a missing line', () => {
    const report = JSON.parse(formatGitlab(nasty)) as Array<{ severity: string; location: { lines?: unknown } }>
    expect(gitlabErrors([{ ...report[0], severity: 'error' }])).not.toEqual([])
    expect(gitlabErrors([{ ...report[0], location: { path: 'releases/1.0.0.md' } }])).not.toEqual([])
  })

  it.each([['nasty', nasty], ['clean', clean], ['empty', empty]])(
    'should write JUnit XML valid against junit-10.xsd (%s)',
    async (_, result) => {
      expect(await junitErrors(formatJunit(result, { elapsedMs: 1234.5678 }))).toEqual([])
    },
    60_000,
  )

  it('should write valid JUnit XML whatever characters a message, rule id or file name holds', async () => {
    let all = ''
    for (let code = 0; code <= 0xffff; code++) all += String.fromCharCode(code)
    const file = `releases/${all.slice(0, 200)}.md`
    const result: CheckResult = {
      files: 1,
      errors: 1,
      warnings: 1,
      paths: [file],
      diagnostics: messages([
        { file, line: 1, column: 1, rule: all.slice(0, 300), severity: 'error', message: all },
        { file, line: 2, column: 1, rule: 'unfilled-placeholder', severity: 'warning', message: `${all.slice(0xd7f0)}\ud800` },
      ]),
    }
    expect(await junitErrors(formatJunit(result))).toEqual([])
  }, 60_000)

  it('should be checked by a validator that rejects what junit-10.xsd does not allow', async () => {
    // The old format's `file` attribute on <testcase>, and a control character that is not XML.
    expect(await junitErrors('<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="c" file="x"/></testsuite></testsuites>')).not.toEqual([])
    expect(await junitErrors('<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="c\u0001"/></testsuite></testsuites>')).not.toEqual([])
  }, 60_000)
})
