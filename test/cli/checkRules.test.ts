import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

interface Report {
  files: number
  errors: number
  warnings: number
  diagnostics: Array<{ file: string; line: number; column: number; rule: string; severity: string; message: string }>
}

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** A project holding one record fresh from `new 1.0.0 --template <template> --no-input`. */
function freshProject(template: string, config?: object): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-rules-'))
  folders.push(root)
  if (config) writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify(config))
  const created = runCli(['--root', root, 'new', '1.0.0', '--template', template, '--no-input'])
  expect(created.stderr).toMatch(/^Created releases\/1\.0\.0\.md with \d+ value\(s\) still to fill in/)
  expect(created.code).toBe(0)
  return root
}

function setStatus(root: string, status: string): void {
  const path = join(root, 'releases/1.0.0.md')
  const source = readFileSync(path, 'utf8')
  expect(source).toContain('\nstatus: planned\n')
  writeFileSync(path, source.replace('\nstatus: planned\n', `\nstatus: ${status}\n`))
}

const ITIL_REQUIRED_KEYS = {
  file: 'releases/1.0.0.md',
  line: 3,
  column: 11,
  rule: 'unfilled-placeholder',
  severity: 'error',
  message: 'Unexpected unfilled placeholders in 5 required keys `release` (3:11), `component` (5:13), `release_type` (6:16), `scheduled` (9:13), `owner` (10:9), expected a value in each',
}
// 34 placeholders in all (templates/itil.md): 5 in required keys, 6 in optional keys from line 11,
// 8 in the Overview (no checklist: outside any stage), the rest in stages from Plan and Design on.
const ITIL_NOT_DUE = {
  file: 'releases/1.0.0.md',
  line: 11,
  column: 15,
  rule: 'unfilled-placeholder',
  severity: 'warning',
  message:
    'Unexpected 29 unfilled placeholders not yet due at status `planned` (in frontmatter, outside any stage, Plan and Design…), first at 11:15, expected values by the status each stage is due at (all by `closed`)',
}

describe('check on records fresh from new', () => {
  it.each(['deployment', 'itil', 'product-release', 'stage-gate'])(
    'should give at most 5 messages, none repeated, for a fresh %s record',
    (template) => {
      const root = freshProject(template)
      const result = runCli(['--root', root, 'check', '--format', 'json'])
      const report = JSON.parse(result.stdout) as Report
      expect(report.diagnostics.length).toBeLessThanOrEqual(5)
      const messages = report.diagnostics.map((d) => d.message)
      expect(new Set(messages).size).toBe(messages.length)
    },
    cliTimeout(2),
  )

  it('should give exactly the required-key error and one warning for what is not yet due (itil)', () => {
    const root = freshProject('itil')
    const result = runCli(['--root', root, 'check', '--format', 'json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual({ files: 1, errors: 1, warnings: 1, diagnostics: [ITIL_REQUIRED_KEYS, ITIL_NOT_DUE] })
  }, cliTimeout(2))

  it('should name the stage of a group whose name repeats (product-release: every step has Checklist)', () => {
    const root = freshProject('product-release')
    setStatus(root, 'approved')
    const report = JSON.parse(runCli(['--root', root, 'check', '--format', 'json']).stdout) as Report
    const gate = report.diagnostics.filter((d) => d.rule === 'status-gate')
    // templates/product-release.md line 58: the first item of Release Branch Preparation's Checklist.
    expect(gate[0]).toMatchObject({
      line: 58,
      message: 'Unexpected open item `Release branch created` at status `approved`, expected it checked or marked N/A: `Release Branch Preparation › Checklist` must be complete from `approved`',
    })
    expect(gate.every((d) => / › Checklist` must be complete/.test(d.message))).toBe(true)
  }, cliTimeout(2))

  it('should keep a group name alone when no other group has it (deployment)', () => {
    const root = freshProject('deployment')
    setStatus(root, 'approved')
    const report = JSON.parse(runCli(['--root', root, 'check', '--format', 'json']).stdout) as Report
    const gate = report.diagnostics.filter((d) => d.rule === 'status-gate')
    expect(gate.length).toBeGreaterThan(0)
    expect(gate.some((d) => d.message.endsWith('`Code & Testing` must be complete from `approved`'))).toBe(true)
    expect(gate.some((d) => d.message.includes(' › '))).toBe(false)
  }, cliTimeout(2))
})

describe('check with rule settings, --quiet and --max-warnings', () => {
  it('should drop unfilled-placeholder warnings set to off, keeping the required-key error', () => {
    const root = freshProject('itil', { rules: { 'unfilled-placeholder': 'off' } })
    const report = JSON.parse(runCli(['--root', root, 'check', '--format', 'json']).stdout) as Report
    expect(report).toEqual({ files: 1, errors: 1, warnings: 0, diagnostics: [ITIL_REQUIRED_KEYS] })
  }, cliTimeout(2))

  it('should refuse an unknown rule id with exit 2, naming the config file', () => {
    const root = freshProject('itil')
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ rules: { 'unfiled-placeholder': 'off' } }))
    const result = runCli(['--root', root, 'check'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('shiplog.config.json: `rules`: Unexpected rule `unfiled-placeholder` (did you mean `unfilled-placeholder`?), expected one of `frontmatter-schema`')
  }, cliTimeout(2))

  it('should print errors only with --quiet and still count warnings against --max-warnings', () => {
    const root = freshProject('itil')
    const quiet = runCli(['--root', root, 'check', '--format', 'json', '--quiet'])
    expect(quiet.code).toBe(1)
    expect(JSON.parse(quiet.stdout)).toEqual({ files: 1, errors: 1, warnings: 0, diagnostics: [ITIL_REQUIRED_KEYS] })
    expect(quiet.stderr).toBe('')
    const limited = runCli(['--root', root, 'check', '--format', 'json', '--quiet', '--max-warnings', '0'])
    expect(limited.code).toBe(1)
    expect(limited.stderr).toBe('shiplog found 1 warning, more than --max-warnings 0\n')
  }, cliTimeout(3))

  it('should say when --max-warnings is exceeded: in the text output, on stderr for machine formats', () => {
    const root = freshProject('itil', { rules: { 'unfilled-placeholder': 'warn' } })
    // Make the required keys' error go away: only the warning for what is not yet due is left.
    const path = join(root, 'releases/1.0.0.md')
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace('"{{release_name}}"', 'Checkout 1.0')
        .replace('"{{component}}"', 'checkout')
        .replace('"{{release_type}}"', 'minor')
        .replace('"{{scheduled_date}}"', '2026-03-04T14:00:00+01:00')
        .replace('"{{owner}}"', 'Payments team'),
    )
    const text = runCli(['--root', root, 'check', '--max-warnings', '0'])
    expect(text.code).toBe(1)
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('shiplog found 1 warning, more than --max-warnings 0')
    expect(text.stderr).toBe('')
    const json = runCli(['--root', root, 'check', '--format', 'json', '--max-warnings', '0'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ errors: 0, warnings: 1 })
    expect(json.stderr).toBe('shiplog found 1 warning, more than --max-warnings 0\n')
    const within = runCli(['--root', root, 'check', '--format', 'json', '--max-warnings', '1'])
    expect(within.code).toBe(0)
    expect(within.stderr).toBe('')
  }, cliTimeout(4))
})
