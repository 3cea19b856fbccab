import { describe, expect, it } from 'vitest'
import { formatCheckResult, isCheckFormat } from '../../src/core/check/format/formatCheckResult.ts'
import { formatGithub } from '../../src/core/check/format/github.ts'
import { formatJson } from '../../src/core/check/format/json.ts'
import { formatJunit } from '../../src/core/check/format/junit.ts'
import { formatText } from '../../src/core/check/format/text.ts'
import type { CheckResult } from '../../src/core/check/types.ts'
import { messages } from '../helpers/messages.ts'
import { childrenNamed, parseXml, textOf } from './parseXml.ts'

const simple: CheckResult = {
  files: 2,
  errors: 2,
  warnings: 1,
  paths: ['releases/a.md', 'releases/b.md'],
  diagnostics: messages([
    { file: 'releases/a.md', line: 2, column: 1, rule: 'r1', severity: 'error', message: 'Unexpected x, expected y' },
    { file: 'releases/a.md', line: 10, column: 3, rule: 'r2', severity: 'warning', message: 'Unexpected long thing, expected z' },
    { file: 'releases/b.md', line: 1, column: 1, rule: 'r3', severity: 'error', message: 'Bad\nline' },
  ]),
}

/** Messages and paths with every character the formats must escape. */
const nasty: CheckResult = {
  files: 3,
  errors: 2,
  warnings: 1,
  paths: ['releases/1.0.0.md', 'releases/a,b:c.md', 'releases/clean.md'],
  diagnostics: messages([
    { file: 'releases/1.0.0.md', line: 12, column: 1, rule: 'status-gate', severity: 'error', message: 'Unexpected open item `A & B <x>`, expected "done"' },
    { file: 'releases/1.0.0.md', line: 40, column: 21, rule: 'unfilled-placeholder', severity: 'warning', message: '50% done\r\nnext: a, b' },
    { file: 'releases/a,b:c.md', line: 3, column: 10, rule: 'frontmatter-yaml', severity: 'error', message: "Bad \u0001\u001b[31m 'q' \ud800 ]]>" },
  ]),
}

const clean: CheckResult = { files: 1, errors: 0, warnings: 0, paths: ['releases/clean.md'], diagnostics: [] }

describe('formatText', () => {
  it('should group by file and align file:line:col, severity, message and rule', () => {
    expect(formatText(simple)).toBe(
      [
        'releases/a.md:2:1   error    Unexpected x, expected y           r1',
        'releases/a.md:10:3  warning  Unexpected long thing, expected z  r2',
        '',
        'releases/b.md:1:1  error    Bad line  r3',
        '',
        '2 files checked: 2 errors, 1 warning',
        '',
      ].join('\n'),
    )
  })

  it('should say so when there is nothing to report', () => {
    expect(formatText(clean)).toBe('1 file checked, no problems\n')
  })

  it('should colour only when asked', () => {
    expect(formatText(simple)).not.toContain('\u001b[')
    expect(formatText(simple, { color: false })).not.toContain('\u001b[')
    const coloured = formatText(simple, { color: true })
    expect(coloured).toContain('\u001b[31merror  \u001b[39m')
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m')
  })

  it('should keep control characters from records out of the terminal', () => {
    const text = formatText(nasty)
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
    expect(text).toContain("releases/a,b:c.md:3:10  error    Bad [31m 'q' \ud800 ]]>  frontmatter-yaml")
  })
})

describe('formatJson', () => {
  it('should print the keys of FORMAT.md §6 in order, and nothing else', () => {
    const parsed = JSON.parse(formatJson(simple)) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual(['files', 'errors', 'warnings', 'diagnostics'])
    expect(parsed).toEqual({
      files: 2,
      errors: 2,
      warnings: 1,
      diagnostics: [
        { file: 'releases/a.md', line: 2, column: 1, rule: 'r1', severity: 'error', message: 'Unexpected x, expected y' },
        { file: 'releases/a.md', line: 10, column: 3, rule: 'r2', severity: 'warning', message: 'Unexpected long thing, expected z' },
        { file: 'releases/b.md', line: 1, column: 1, rule: 'r3', severity: 'error', message: 'Bad\nline' },
      ],
    })
    const diagnostics = parsed['diagnostics'] as Array<Record<string, unknown>>
    expect(Object.keys(diagnostics[0] ?? {})).toEqual(['file', 'line', 'column', 'rule', 'severity', 'message'])
  })

  it('should print an empty list when clean, ending with a newline', () => {
    expect(formatJson(clean)).toBe('{\n  "files": 1,\n  "errors": 0,\n  "warnings": 0,\n  "diagnostics": []\n}\n')
  })
})

/** Reads workflow commands back as GitHub's runner does (toolkit `command.ts` escaping reversed). */
function readWorkflowCommands(output: string): Array<{ command: string; properties: Record<string, string>; message: string }> {
  const unescape = (text: string): string =>
    text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^::([a-z]+) ([^:]*)::(.*)$/.exec(line)
      if (!match) throw new Error(`not a workflow command: ${line}`)
      const [, command, props, message] = match as unknown as [string, string, string, string]
      const properties: Record<string, string> = {}
      for (const pair of props.split(',')) {
        const eq = pair.indexOf('=')
        if (eq === -1) throw new Error(`bad property ${pair}`)
        properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1))
      }
      return { command, properties, message: unescape(message) }
    })
}

describe('formatGithub', () => {
  it('should print one workflow command per diagnostic', () => {
    expect(formatGithub(simple)).toBe(
      [
        '::error file=releases/a.md,line=2,col=1,title=r1::Unexpected x, expected y',
        '::warning file=releases/a.md,line=10,col=3,title=r2::Unexpected long thing, expected z',
        '::error file=releases/b.md,line=1,col=1,title=r3::Bad%0Aline',
        '',
      ].join('\n'),
    )
  })

  it('should escape %, CR and LF in messages, and : and , in properties', () => {
    const output = formatGithub(nasty)
    expect(output).toContain('::warning file=releases/1.0.0.md,line=40,col=21,title=unfilled-placeholder::50%25 done%0D%0Anext: a, b\n')
    expect(output).toContain('::error file=releases/a%2Cb%3Ac.md,line=3,col=10,title=frontmatter-yaml::')
    const commands = readWorkflowCommands(output)
    expect(commands).toHaveLength(3)
    commands.forEach((command, index) => {
      const diagnostic = nasty.diagnostics[index]!
      expect(command.command).toBe(diagnostic.severity)
      expect(command.properties).toEqual({
        file: diagnostic.file,
        line: String(diagnostic.line),
        col: String(diagnostic.column),
        title: diagnostic.ruleId,
      })
      expect(command.message).toBe(diagnostic.message)
    })
  })

  it('should print nothing when clean', () => {
    expect(formatGithub(clean)).toBe('')
  })
})

describe('formatJunit', () => {
  it('should print well-formed XML with one testcase per record and one failure per failing record', () => {
    const root = parseXml(formatJunit(nasty))
    expect(root.name).toBe('testsuites')
    expect(root.attributes).toEqual({ name: 'shiplog check', tests: '3', failures: '2', errors: '0' })
    const [suite] = childrenNamed(root, 'testsuite')
    expect(suite?.attributes).toEqual({ name: 'shiplog check', tests: '3', failures: '2', errors: '0', skipped: '0' })
    const cases = childrenNamed(suite!, 'testcase')
    expect(cases.map((c) => c.attributes['name'])).toEqual(['releases/1.0.0.md', 'releases/a,b:c.md', 'releases/clean.md'])
    expect(cases.map((c) => c.attributes['classname'])).toEqual(['shiplog.check', 'shiplog.check', 'shiplog.check'])

    const [first, second, third] = cases as [(typeof cases)[0], (typeof cases)[0], (typeof cases)[0]]
    const failures = childrenNamed(first, 'failure')
    expect(failures).toHaveLength(1)
    expect(failures[0]?.attributes).toEqual({ message: 'Unexpected open item `A & B <x>`, expected "done"', type: 'status-gate' })
    expect(textOf(failures[0]!)).toBe('releases/1.0.0.md:12:1  status-gate\nUnexpected open item `A & B <x>`, expected "done"')
    expect(textOf(childrenNamed(first, 'system-out')[0]!)).toBe('releases/1.0.0.md:40:21  warning  50% done\r\nnext: a, b  unfilled-placeholder')

    // Control characters and a lone surrogate are removed; the rest survives escaping.
    expect(childrenNamed(second, 'failure')[0]?.attributes['message']).toBe("Bad [31m 'q'  ]]>")
    expect(third.children).toEqual([])
  })

  it('should list every error of a record in its one failure', () => {
    const twoErrors = formatJunit({
      files: 1,
      errors: 2,
      warnings: 0,
      paths: ['releases/1.0.0.md'],
      diagnostics: messages([
        { file: 'releases/1.0.0.md', line: 80, column: 1, rule: 'status-gate', severity: 'error', message: 'Open A' },
        { file: 'releases/1.0.0.md', line: 90, column: 3, rule: 'signoff', severity: 'error', message: 'No name' },
      ]),
    })
    const root = parseXml(twoErrors)
    const failures = childrenNamed(childrenNamed(childrenNamed(root, 'testsuite')[0]!, 'testcase')[0]!, 'failure')
    expect(failures).toHaveLength(1)
    expect(failures[0]?.attributes).toEqual({ message: '2 errors; first: Open A', type: 'status-gate,signoff' })
    expect(textOf(failures[0]!)).toBe('releases/1.0.0.md:80:1  status-gate\nOpen A\nreleases/1.0.0.md:90:3  signoff\nNo name')
  })

  it('should keep attribute whitespace as character references', () => {
    const xml = formatJunit(simple)
    expect(xml).toContain('message="Bad&#10;line"')
    const root = parseXml(xml)
    const failure = childrenNamed(childrenNamed(childrenNamed(root, 'testsuite')[0]!, 'testcase')[1]!, 'failure')[0]
    expect(failure?.attributes['message']).toBe('Bad\nline')
  })

  it('should list clean records as passing test cases', () => {
    expect(formatJunit(clean)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="shiplog check" tests="1" failures="0" errors="0">',
        '  <testsuite name="shiplog check" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase name="releases/clean.md" classname="shiplog.check" file="releases/clean.md"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    )
  })
})

describe('formatCheckResult', () => {
  it('should dispatch on the format name', () => {
    expect(formatCheckResult(simple, 'json')).toBe(formatJson(simple))
    expect(formatCheckResult(simple, 'github')).toBe(formatGithub(simple))
    expect(formatCheckResult(simple, 'junit')).toBe(formatJunit(simple))
    expect(formatCheckResult(simple, 'text', { color: true })).toBe(formatText(simple, { color: true }))
    expect(isCheckFormat('junit')).toBe(true)
    expect(isCheckFormat('sarif')).toBe(false)
  })
})
