import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/index.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'
import { problemsOf } from '../helpers/messages.ts'

const flag = globalThis as { shiplogRecordEvaluated?: string }

afterEach(() => {
  delete flag.shiplogRecordEvaluated
})

const manifest = (name: string, groups: TemplateManifest['groups'] = []): TemplateManifest => ({
  name,
  description: name,
  variables: {},
  groups,
  tables: { timeline: 'Deployment Timeline', issues: 'Issues Encountered' },
})

const groupNames = (text: string): string[] =>
  parseRecord(text, { file: 'r.md' }).stages.flatMap((stage) => stage.groups.map((group) => `${stage.name} > ${group.name}`))

describe('parseRecord', () => {
  it('should never throw, whatever the text', () => {
    const markdownish = fc.stringMatching(/^[-#*+>|`~\[\]x {}\n\r:!0-9a-z_\\<]{0,200}$/)
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), markdownish), (text) => {
        const record = parseRecord(text, { file: 'r.md' })
        expect(Array.isArray(record.problems)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('should never throw, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Array.isArray(parseRecord(bytes, { file: 'r.md' }).problems)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('should report Markdown nested too deeply as one error problem', () => {
    const record = parseRecord('---\na: 1\n---\n' + '> '.repeat(10000) + 'x\n', { file: 'r.md' })
    expect(problemsOf(record.problems)).toEqual([
      {
        // `> ` is two columns wide: the 33rd marker, the first past the limit of 32, is at column 65.
        line: 4,
        column: 65,
        rule: 'markdown',
        severity: 'error',
        message: 'Unexpected list or block quote nested 10,000 levels deep, expected at most 32: the body is not read (see "Limits" in docs/record-format.md)',
      },
    ])
    expect(record.frontmatter.data['a']).toBe('1')
    expect(record.stages).toEqual([])
  })

  it('should not evaluate ---js frontmatter', () => {
    const record = parseRecord("---js\n{ status: (globalThis.shiplogRecordEvaluated = 'yes') }\n---\n", { file: 'r.md' })
    expect(flag.shiplogRecordEvaluated).toBeUndefined()
    expect(record.problems.map((problem) => problem.ruleId)).toEqual(['frontmatter-engine'])
  })

  it('should give the same result for the same text twice, even when the first is changed', () => {
    const text = '---\nstatus: planned\n---\n## A\n\n- [ ] x\n'
    const first = parseRecord(text, { file: 'r.md' })
    first.frontmatter.data['status'] = 'mutated'
    expect(parseRecord(text, { file: 'r.md' }).frontmatter.data['status']).toBe('planned')
  })

  it('should use the default template, and the frontmatter template when it is a non-empty string', () => {
    const templates = { deployment: manifest('deployment'), Hotfix: manifest('Hotfix') }
    expect(parseRecord('x', { file: 'r.md', templates }).template).toBe('deployment')
    expect(parseRecord('x', { file: 'r.md', templates, defaultTemplate: 'Hotfix' }).template).toBe('Hotfix')
    expect(parseRecord('---\ntemplate: hotfix\n---\n', { file: 'r.md', templates })).toMatchObject({ template: 'Hotfix', problems: [] })
    expect(parseRecord('---\ntemplate: [a]\n---\n', { file: 'r.md', templates })).toMatchObject({ template: 'deployment', problems: [] })
    expect(parseRecord('---\ntemplate: ""\n---\n', { file: 'r.md', templates })).toMatchObject({ template: 'deployment', problems: [] })
  })

  it('should not look template names up on the prototype', () => {
    const record = parseRecord('---\ntemplate: constructor\n---\n', { file: 'r.md', templates: { deployment: manifest('deployment') } })
    expect(record.template).toBe('constructor')
    expect(record.problems.map((problem) => [problem.ruleId, problem.line, problem.column])).toEqual([['unknown-template', 2, 1]])
  })

  it('should warn about an unknown default template at 1:1, and not at all without templates', () => {
    expect(problemsOf(parseRecord('x', { file: 'r.md', templates: {}, defaultTemplate: 'nope' }).problems)).toEqual([
      { line: 1, column: 1, rule: 'unknown-template', severity: 'warning', message: 'Unexpected template `nope`, expected a known template' },
    ])
    expect(parseRecord('---\ntemplate: nope\n---\n', { file: 'r.md' }).problems).toEqual([])
  })

  it('should find the timeline and issues tables by the template headings, case-insensitively', () => {
    const text = '## Log\n\n**deployment timeline:**\n\n| Phase |\n|---|\n| x |\n\n### ISSUES ENCOUNTERED\n\n| Time |\n|---|\n| y |\n'
    const record = parseRecord(text, { file: 'r.md', templates: { deployment: manifest('deployment') } })
    expect(record.timeline?.line).toBe(5)
    expect(record.issues?.line).toBe(11)
  })

  it('should let a bold label apply across HTML comments and to the lists after it until the next heading or label', () => {
    const text = '## S\n\n**Label**:\n\n<!-- note -->\n\n- [ ] a\n\n- plain\n\n* [ ] b\n\n### H\n\n- [ ] c\n'
    expect(groupNames(text)).toEqual(['S > Label', 'S > H'])
  })

  it('should not make a bold paragraph before a table a group label', () => {
    const text = '## S\n\n### H\n\n**Metrics**:\n\n| A |\n|---|\n| 1 |\n\n- [ ] a\n'
    expect(groupNames(text)).toEqual(['S > H'])
    expect(parseRecord(text, { file: 'r.md' }).tables[0]?.heading).toBe('Metrics')
  })

  it('should not read bold text with more after it as a label', () => {
    expect(groupNames('## S\n\n**Rollback Strategy**: blue-green\n\n- [ ] a\n')).toEqual(['S > S'])
    expect(groupNames('## S\n\n**A** and **B**\n- [ ] a\n')).toEqual(['S > S'])
  })

  it('should read items inside block quotes in the group of the section around them', () => {
    expect(groupNames('## S\n\n### G\n\n> - [ ] quoted\n')).toEqual(['S > G'])
  })

  it('should start a new H1-named stage when an H1 follows an H2', () => {
    const record = parseRecord('## A\n\n- [ ] a\n\n# Appendix\n\n- [ ] b\n\n| T |\n|---|\n| 1 |\n', { file: 'r.md' })
    expect(record.stages.map((stage) => stage.name)).toEqual(['A', 'Appendix'])
    expect(record.tables[0]).toMatchObject({ heading: 'Appendix', stage: null })
  })

  it('should read an item as text of its own paragraphs only, without HTML', () => {
    const record = parseRecord('## S\n\n- [ ] Deploy **api** <!-- why --> `v2`\n\n  Second paragraph\n\n  ```sh\n  code\n  ```\n  - [ ] child\n', { file: 'r.md' })
    expect(record.stages[0]?.groups[0]?.items.map((item) => item.text)).toEqual(['Deploy api  v2\nSecond paragraph', 'child'])
  })

  it('should give table cells the position of their content, or of the cell when empty', () => {
    const record = parseRecord('| A | B |\n|---|---|\n|  x |  |\n', { file: 'r.md' })
    const [x, empty] = record.tables[0]?.rows[0]?.list ?? []
    expect(x).toEqual({ text: 'x', line: 3, column: 4 })
    expect(empty).toMatchObject({ text: '', line: 3 })
  })

  it('should place a placeholder in the frontmatter before the first key without a key', () => {
    const record = parseRecord('---\n# owner: {{owner}}\nstatus: planned\n---\n', { file: 'r.md' })
    expect(record.placeholders).toEqual([{ name: 'owner', line: 2, column: 10, inFrontmatter: true }])
  })
})
