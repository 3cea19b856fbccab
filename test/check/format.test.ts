import { describe, expect, it } from 'vitest'
import { formatCheckResult, isCheckFormat } from '../../src/core/check/format/formatCheckResult.ts'
import { fnv1a128 } from '../../src/core/check/format/fnv1a128.ts'
import { formatGithub } from '../../src/core/check/format/github.ts'
import { formatGitlab } from '../../src/core/check/format/gitlab.ts'
import { formatJson } from '../../src/core/check/format/json.ts'
import { formatJunit } from '../../src/core/check/format/junit.ts'
import { formatSarif } from '../../src/core/check/format/sarif.ts'
import { formatText } from '../../src/core/check/format/text.ts'
import type { CheckResult } from '../../src/core/check/types.ts'
import { ShiplogMessage, type PlacedMessage } from '../../src/core/message/ShiplogMessage.ts'
import { messages } from '../helpers/messages.ts'
import { childrenNamed, parseXml, textOf, type XmlElement } from './parseXml.ts'

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
  const twoRules = [
    { id: 'status-gate', description: 'gate' },
    { id: 'unfilled-placeholder', description: 'placeholders' },
  ]

  it('should write one suite per record and one test case per rule in it, failing the rules with errors', () => {
    const root = parseXml(formatJunit(nasty, { rules: twoRules, elapsedMs: 600 }))
    expect(root.name).toBe('testsuites')
    // 2 + 3 (frontmatter-yaml, met only in a message) + 2 test cases; 600 ms over 3 records.
    expect(root.attributes).toEqual({ name: 'shiplog check', tests: '7', failures: '2', errors: '0', time: '0.600' })
    const suites = childrenNamed(root, 'testsuite')
    expect(suites.map((suite) => suite.attributes)).toEqual([
      { name: 'releases/1.0.0.md', tests: '2', failures: '1', errors: '0', skipped: '0', time: '0.200', file: 'releases/1.0.0.md' },
      { name: 'releases/a,b:c.md', tests: '3', failures: '1', errors: '0', skipped: '0', time: '0.200', file: 'releases/a,b:c.md' },
      { name: 'releases/clean.md', tests: '2', failures: '0', errors: '0', skipped: '0', time: '0.200', file: 'releases/clean.md' },
    ])
    const [first, second, third] = suites.map((suite) => childrenNamed(suite, 'testcase')) as [XmlElement[], XmlElement[], XmlElement[]]
    expect(first.map((c) => c.attributes)).toEqual([
      { name: 'status-gate', classname: 'releases/1.0.0.md', time: '0.100' },
      { name: 'unfilled-placeholder', classname: 'releases/1.0.0.md', time: '0.100' },
    ])
    const failure = childrenNamed(first[0]!, 'failure')
    expect(failure.map((f) => f.attributes)).toEqual([{ message: 'Unexpected open item `A & B <x>`, expected "done"', type: 'status-gate' }])
    expect(textOf(failure[0]!)).toBe('releases/1.0.0.md:12:1  Unexpected open item `A & B <x>`, expected "done"')
    // A rule with only warnings passes; its warnings are its output.
    expect(childrenNamed(first[1]!, 'failure')).toEqual([])
    expect(textOf(childrenNamed(first[1]!, 'system-out')[0]!)).toBe('releases/1.0.0.md:40:21  warning  50% done\r\nnext: a, b')

    // 200 ms over 3 rules: 66.7 ms, written to the millisecond.
    expect(second.map((c) => [c.attributes['name'], c.attributes['time']])).toEqual([
      ['status-gate', '0.067'],
      ['unfilled-placeholder', '0.067'],
      ['frontmatter-yaml', '0.067'],
    ])
    // Control characters and a lone surrogate are removed; the rest survives escaping.
    expect(childrenNamed(second[2]!, 'failure')[0]?.attributes['message']).toBe("Bad [31m 'q'  ]]>")
    expect(third.map((c) => [c.attributes['name'], c.children])).toEqual([
      ['status-gate', []],
      ['unfilled-placeholder', []],
    ])
  })

  it('should list every check rule as a test case of a clean record by default, with time 0', () => {
    const root = parseXml(formatJunit(clean))
    const [suite] = childrenNamed(root, 'testsuite')
    const cases = childrenNamed(suite!, 'testcase')
    expect(cases.map((c) => c.attributes['name'])).toEqual([
      'frontmatter-schema',
      'numeric-version',
      'template-choice',
      'unfilled-placeholder',
      'status-gate',
      'missing-group',
      'unknown-group',
      'signoff',
      'table-shape',
      'table-cell',
      'restored-before-deploy',
      'rollback-without-issue',
      'missing-deploy-time',
      'duplicate-release',
      'overdue-action-item',
      'implausible-date',
    ])
    expect(new Set(cases.map((c) => `${c.attributes['classname']} ${c.attributes['time']}`))).toEqual(new Set(['releases/clean.md 0.000']))
    expect(root.attributes).toEqual({ name: 'shiplog check', tests: '16', failures: '0', errors: '0', time: '0.000' })
  })

  it('should put every error of a rule in its one failure, each with its line', () => {
    const twoErrors = formatJunit(
      {
        files: 1,
        errors: 3,
        warnings: 0,
        paths: ['releases/1.0.0.md'],
        diagnostics: messages([
          { file: 'releases/1.0.0.md', line: 80, column: 1, rule: 'status-gate', severity: 'error', message: 'Open A' },
          { file: 'releases/1.0.0.md', line: 82, column: 3, rule: 'status-gate', severity: 'error', message: 'Open B' },
          { file: 'releases/1.0.0.md', line: 90, column: 3, rule: 'signoff', severity: 'error', message: 'No name' },
        ]),
      },
      { rules: twoRules },
    )
    const root = parseXml(twoErrors)
    const cases = childrenNamed(childrenNamed(root, 'testsuite')[0]!, 'testcase')
    expect(cases.map((c) => c.attributes['name'])).toEqual(['status-gate', 'unfilled-placeholder', 'signoff'])
    const failures = childrenNamed(cases[0]!, 'failure')
    expect(failures).toHaveLength(1)
    expect(failures[0]?.attributes).toEqual({ message: '2 errors; first: Open A', type: 'status-gate' })
    expect(textOf(failures[0]!)).toBe('releases/1.0.0.md:80:1  Open A\nreleases/1.0.0.md:82:3  Open B')
    expect(textOf(childrenNamed(cases[2]!, 'failure')[0]!)).toBe('releases/1.0.0.md:90:3  No name')
    expect(root.attributes['failures']).toBe('2')
  })

  it('should keep attribute whitespace as character references', () => {
    const xml = formatJunit(simple, { rules: [] })
    expect(xml).toContain('message="Bad&#10;line"')
    const root = parseXml(xml)
    const failure = childrenNamed(childrenNamed(childrenNamed(root, 'testsuite')[1]!, 'testcase')[0]!, 'failure')[0]
    expect(failure?.attributes['message']).toBe('Bad\nline')
  })

  it('should write a clean record with no rules as an empty suite', () => {
    expect(formatJunit(clean, { rules: [], elapsedMs: 12.4 })).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="shiplog check" tests="0" failures="0" errors="0" time="0.012">',
        '  <testsuite name="releases/clean.md" tests="0" failures="0" errors="0" skipped="0" time="0.012" file="releases/clean.md"/>',
        '</testsuites>',
        '',
      ].join('\n'),
    )
  })

  it('should keep every character XML cannot hold out of the document, whatever the message holds', () => {
    // Every UTF-16 code unit from U+0000 to U+FFFF, and a lone surrogate at the end.
    let all = ''
    for (let code = 0; code <= 0xffff; code++) all += String.fromCharCode(code)
    const result: CheckResult = {
      files: 1,
      errors: 1,
      warnings: 0,
      paths: [`releases/${all.slice(0, 64)}.md`],
      diagnostics: messages([{ file: `releases/${all.slice(0, 64)}.md`, line: 1, column: 1, rule: all.slice(0, 300), severity: 'error', message: all }]),
    }
    const root = parseXml(formatJunit(result, { rules: [] }))
    const failure = childrenNamed(childrenNamed(childrenNamed(root, 'testsuite')[0]!, 'testcase')[0]!, 'failure')[0]!
    expect(textOf(failure)).toContain('\t\n\r !"#$%&\'()*+,-./0123456789:;<=>?@')
  })
})

describe('formatSarif', () => {
  const rules = [
    { id: 'status-gate', description: 'A status whose gates are not met.' },
    { id: 'r2', description: 'Second | rule.' },
  ]

  it('should describe the tool and every rule with its docs, and each diagnostic as a result at its place', () => {
    const sarif = JSON.parse(formatSarif(nasty, { version: '1.2.3', rules })) as Record<string, unknown>
    expect(sarif['version']).toBe('2.1.0')
    expect(sarif['runs']).toEqual([
      {
        tool: {
          driver: {
            name: 'shiplog',
            version: '1.2.3',
            informationUri: 'https://github.com/shiplog/shiplog/blob/main/docs/check.md',
            rules: [
              { id: 'status-gate', shortDescription: { text: 'A status whose gates are not met.' }, helpUri: 'https://github.com/shiplog/shiplog/blob/main/docs/check.md#status-gate' },
              { id: 'r2', shortDescription: { text: 'Second | rule.' }, helpUri: 'https://github.com/shiplog/shiplog/blob/main/docs/check.md#problems-reading-a-record' },
              // Rule ids met only in messages get a descriptor too, so every ruleIndex points at one.
              {
                id: 'unfilled-placeholder',
                shortDescription: { text: 'A problem reading the file (unfilled-placeholder).' },
                helpUri: 'https://github.com/shiplog/shiplog/blob/main/docs/check.md#unfilled-placeholder',
              },
              {
                id: 'frontmatter-yaml',
                shortDescription: { text: 'A problem reading the file (frontmatter-yaml).' },
                helpUri: 'https://github.com/shiplog/shiplog/blob/main/docs/check.md#problems-reading-a-record',
              },
            ],
          },
        },
        originalUriBaseIds: { PROJECTROOT: { description: { text: 'The project root: the folder holding shiplog.config.* (or the one check ran in).' } } },
        results: [
          {
            ruleId: 'status-gate',
            ruleIndex: 0,
            level: 'error',
            message: { text: 'Unexpected open item `A & B <x>`, expected "done"' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'releases/1.0.0.md', uriBaseId: 'PROJECTROOT' }, region: { startLine: 12, startColumn: 1 } } }],
          },
          {
            ruleId: 'unfilled-placeholder',
            ruleIndex: 2,
            level: 'warning',
            message: { text: '50% done\r\nnext: a, b' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'releases/1.0.0.md', uriBaseId: 'PROJECTROOT' }, region: { startLine: 40, startColumn: 21 } } }],
          },
          {
            ruleId: 'frontmatter-yaml',
            ruleIndex: 3,
            level: 'error',
            message: { text: "Bad \u0001\u001b[31m 'q' \ud800 ]]>" },
            // `,` and `:` in a file name are percent-encoded: the URI reads back as the path.
            locations: [{ physicalLocation: { artifactLocation: { uri: 'releases/a%2Cb%3Ac.md', uriBaseId: 'PROJECTROOT' }, region: { startLine: 3, startColumn: 10 } } }],
          },
        ],
      },
    ])
  })

  it('should list the check rules by default and map info to note', () => {
    const info: CheckResult = { ...clean, diagnostics: [new ShiplogMessage('Just so you know', { file: 'releases/clean.md', place: { line: 2, column: 4 }, ruleId: 'status-gate', severity: 'info' }) as PlacedMessage] }
    const sarif = JSON.parse(formatSarif(info)) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }>; version?: string } }; results: Array<{ level: string; ruleIndex: number }> }> }
    const [run] = sarif.runs
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toHaveLength(16)
    // frontmatter-schema, numeric-version, template-choice, unfilled-placeholder, then status-gate
    expect(run!.tool.driver.rules[4]?.id).toBe('status-gate')
    expect(run!.tool.driver.version).toBeUndefined()
    expect(run!.results).toMatchObject([{ level: 'note', ruleIndex: 4 }])
  })
})

describe('formatGitlab', () => {
  it('should write one Code Quality issue per diagnostic, errors major and warnings minor', () => {
    const issues = JSON.parse(formatGitlab(simple)) as Array<Record<string, unknown>>
    expect(issues.map(({ fingerprint: _, ...rest }) => rest)).toEqual([
      { description: 'Unexpected x, expected y', check_name: 'r1', severity: 'major', location: { path: 'releases/a.md', lines: { begin: 2 } } },
      { description: 'Unexpected long thing, expected z', check_name: 'r2', severity: 'minor', location: { path: 'releases/a.md', lines: { begin: 10 } } },
      { description: 'Bad\nline', check_name: 'r3', severity: 'major', location: { path: 'releases/b.md', lines: { begin: 1 } } },
    ])
    expect(issues.map((issue) => issue['fingerprint'])).toEqual(issues.map((issue) => expect.stringMatching(/^[0-9a-f]{32}$/) as unknown as string))
  })

  it('should keep a fingerprint when the line moves, change it with the message, rule or file, and keep repeats unique', () => {
    const at = (line: number, message = 'Open item A', rule = 'status-gate', file = 'releases/a.md'): CheckResult => ({
      files: 1,
      errors: 1,
      warnings: 0,
      paths: [file],
      diagnostics: messages([{ file, line, column: 1, rule, severity: 'error', message }]),
    })
    const fingerprint = (result: CheckResult): string => (JSON.parse(formatGitlab(result)) as Array<{ fingerprint: string }>)[0]!.fingerprint
    expect(fingerprint(at(12))).toBe(fingerprint(at(40)))
    expect(fingerprint(at(12, 'Open item B'))).not.toBe(fingerprint(at(12)))
    expect(fingerprint(at(12, 'Open item A', 'signoff'))).not.toBe(fingerprint(at(12)))
    expect(fingerprint(at(12, 'Open item A', 'status-gate', 'releases/b.md'))).not.toBe(fingerprint(at(12)))

    const repeated = messages([
      { file: 'releases/a.md', line: 5, column: 1, rule: 'unfilled-placeholder', severity: 'warning', message: 'Unfilled {{x}}' },
      { file: 'releases/a.md', line: 9, column: 1, rule: 'unfilled-placeholder', severity: 'warning', message: 'Unfilled {{x}}' },
      { file: 'releases/a.md', line: 30, column: 1, rule: 'unfilled-placeholder', severity: 'warning', message: 'Unfilled {{x}}' },
    ])
    const report = JSON.parse(formatGitlab({ files: 1, errors: 0, warnings: 3, paths: ['releases/a.md'], diagnostics: repeated })) as Array<{ fingerprint: string }>
    expect(new Set(report.map((issue) => issue.fingerprint)).size).toBe(3)
    // The first of the repeats has the fingerprint it has alone.
    expect(report[0]!.fingerprint).toBe(
      fingerprint({ files: 1, errors: 0, warnings: 1, paths: ['releases/a.md'], diagnostics: repeated.slice(2) }),
    )
  })

  it('should write an empty array when clean', () => {
    expect(formatGitlab(clean)).toBe('[]\n')
  })
})

describe('fnv1a128', () => {
  it('should match the published FNV-1a 128-bit test values', () => {
    // Offset basis (the hash of nothing) and the hash of "a", from the FNV reference test vectors.
    expect(fnv1a128('')).toBe('6c62272e07bb014262b821756295c58d')
    expect(fnv1a128('a')).toBe('d228cb696f1a8caf78912b704e4a8964')
  })
})

describe('formatCheckResult', () => {
  it('should dispatch on the format name', () => {
    expect(formatCheckResult(simple, 'json')).toBe(formatJson(simple))
    expect(formatCheckResult(simple, 'github')).toBe(formatGithub(simple))
    expect(formatCheckResult(simple, 'junit')).toBe(formatJunit(simple))
    expect(formatCheckResult(simple, 'text', { color: true })).toBe(formatText(simple, { color: true }))
    expect(formatCheckResult(simple, 'junit', { elapsedMs: 30, rules: [] })).toBe(formatJunit(simple, { elapsedMs: 30, rules: [] }))
    expect(formatCheckResult(simple, 'sarif', { version: '9.9.9' })).toBe(formatSarif(simple, { version: '9.9.9' }))
    expect(formatCheckResult(simple, 'gitlab')).toBe(formatGitlab(simple))
    expect(['text', 'json', 'github', 'junit', 'sarif', 'gitlab'].every(isCheckFormat)).toBe(true)
    expect(isCheckFormat('checkstyle')).toBe(false)
  })
})
