import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseManifest } from '../../src/core/template/index.ts'

const deployment = readFileSync(new URL('../../templates/deployment.md', import.meta.url), 'utf8')

describe('parseManifest', () => {
  it('should read the manifest of the bundled deployment template', () => {
    const { manifest, problems } = parseManifest(deployment, 'fallback')
    expect(problems).toEqual([])
    expect(manifest?.name).toBe('deployment')
    expect(manifest?.tables).toEqual({ timeline: 'Deployment Timeline', issues: 'Issues Encountered', actionItems: 'Action Items' })
    const required = Object.entries(manifest?.variables ?? {}).filter(([, variable]) => variable.required)
    expect(required.map(([name]) => name)).toEqual([
      'release_name',
      'release_version',
      'component',
      'release_type',
      'target_environment',
      'scheduled_date',
      'owner',
    ])
    expect(manifest?.variables['release_type']?.choices).toEqual(['major', 'minor', 'patch', 'hotfix'])
    expect(manifest?.groups).toHaveLength(9)
    expect(manifest?.groups[2]).toEqual({
      stage: 'Pre-Deployment Planning',
      group: 'Rollback Validation',
      role: 'task',
      gate: 'rolled-back',
      when: { status: 'rolled-back' },
    })
  })

  it('should read YAML that starts on the line of `{{!--`', () => {
    const { manifest, problems } = parseManifest('{{!-- shiplog:\n  name: quick\n  description: Quick one\n--}}\n', 'fallback')
    expect(problems).toEqual([])
    expect(manifest?.name).toBe('quick')
  })

  it('should place YAML errors on the template line and column', () => {
    // Line 4 repeats the key `name`, which starts in column 3.
    const { manifest, problems } = parseManifest('{{!--\nshiplog:\n  name: a\n  name: b\n--}}\n', 'fallback')
    expect(manifest).toBeNull()
    expect(problems).toMatchObject([{ line: 4, column: 3, severity: 'error' }])
    // On the line of `{{!--` (columns 1–5), ` {a: 1, a: 2}` puts the second key `a` in column 5 + 9 = 14.
    const sameLine = parseManifest('{{!-- {a: 1, a: 2}\n--}}\n', 'fallback')
    expect(sameLine.problems).toMatchObject([{ line: 1, column: 14, severity: 'error' }])
  })

  it('should warn about defaults, choices and required flags that are not plain values', () => {
    const source = [
      '{{!--',
      'shiplog:',
      '  description: Odd variables',
      '  variables:',
      '    a: { description: A, default: { x: 1 }, choices: [a, { b: 1 }], required: "yes" }',
      '--}}',
    ].join('\n')
    const { manifest, problems } = parseManifest(source, 'odd')
    expect(manifest?.name).toBe('odd')
    expect(manifest?.variables['a']).toEqual({ description: 'A' })
    expect(problems.map((problem) => [problem.line, problem.severity, problem.message])).toEqual([
      [5, 'warning', 'Expected `required` of variable `a` to be true or false'],
      [5, 'warning', 'Expected the `choices` of variable `a` to be strings'],
      [5, 'warning', 'Expected the `default` of variable `a` to be a string'],
    ])
  })

  it('should report a template without a manifest', () => {
    const { manifest, problems } = parseManifest('# Just Markdown\n', 'plain')
    expect(manifest).toBeNull()
    expect(problems).toMatchObject([{ line: 1, column: 1, severity: 'error' }])
  })
})
