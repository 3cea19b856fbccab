import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkTemplates } from '../../src/core/check/templates/checkTemplates.ts'
import { validateTemplate } from '../../src/core/check/templates/validateTemplate.ts'
import { renderTemplate } from '../../src/core/template/renderTemplate.ts'
import { templateVariables } from '../../src/core/template/templateVariables.ts'
import { bundledSource, ROOT } from './bundled.ts'
import { jsonOf } from '../helpers/messages.ts'

/** A valid template; each test replaces some of its lines (numbers are 1-based). */
const BASE = [
  '{{!--', //                                                              1
  'shiplog:', //                                                           2
  '  name: mini', //                                                       3
  '  description: Minimal template', //                                   4
  '  variables:', //                                                       5
  '    owner: { description: Who ships it }', //                          6
  '  groups:', //                                                          7
  '    - { stage: Ship, group: Before, role: task, gate: approved }', //  8
  '    - { stage: Ship, group: After, role: task, gate: deployed }', //   9
  '--~}}', //                                                             10
  '---', //                                                               11
  'template: mini', //                                                    12
  'release: "Mini"', //                                                   13
  'version: "{{release_version}}"', //                                    14
  'component: api', //                                                    15
  'release_type: patch', //                                               16
  'environment: production', //                                           17
  'status: planned', //                                                   18
  'scheduled: "2026-03-02T10:00:00Z"', //                                 19
  'owner: "{{owner}}"', //                                                20
  '---', //                                                               21
  '', //                                                                  22
  '## Ship', //                                                           23
  '', //                                                                  24
  '**Before**:', //                                                       25
  '', //                                                                  26
  '- [ ] Tests pass', //                                                  27
  '', //                                                                  28
  '**After**:', //                                                        29
  '', //                                                                  30
  '- [ ] Deployed', //                                                    31
]

/** BASE with lines replaced: `{ 27: ['a', 'b'] }` puts two lines where line 27 was. */
function edit(replacements: { [line: number]: string | string[] } = {}, append: string[] = []): string {
  const lines = BASE.flatMap((line, index) => {
    const replacement = replacements[index + 1]
    return replacement === undefined ? [line] : Array.isArray(replacement) ? replacement : [replacement]
  })
  return [...lines, ...append, ''].join('\n')
}

function diagnose(source: string, name = 'mini'): Array<[number, number, string, string, string]> {
  return validateTemplate({ name, file: `templates/${name}.md`, source }).map((d) => [d.line, d.column, d.ruleId, d.severity, d.message])
}

describe('validateTemplate', () => {
  it('should accept a minimal template', () => {
    expect(diagnose(edit())).toEqual([])
  })

  it.each(['product-release', 'itil', 'stage-gate'])('should accept the bundled template %s', (name) => {
    expect(validateTemplate({ name, file: `templates/${name}.md`, source: bundledSource(name) })).toEqual([])
  })

  it('should accept the worked example of docs/templates.md, which the docs quote verbatim', () => {
    const source = readFileSync(join(ROOT, 'test/fixtures/templates/team/templates/hotfix.md'), 'utf8')
    expect(validateTemplate({ name: 'hotfix', file: 'templates/hotfix.md', source })).toEqual([])
    expect(readFileSync(join(ROOT, 'docs/templates.md'), 'utf8')).toContain(source)
  })

  it('should find nothing wrong with the bundled templates, every variable documented', () => {
    for (const name of ['deployment', 'product-release', 'itil', 'stage-gate']) {
      const source = bundledSource(name)
      expect(validateTemplate({ name, file: `templates/${name}.md`, source })).toEqual([])
    }
  }, 60_000)

  it('should report a variable the manifest does not declare at its first use', () => {
    // drop the declaration of `change_1`; its first use is `- {{change_1}}`, the name starting at column 5
    const source = bundledSource('deployment').replace(/^    change_1: .*\n/m, '')
    const lines = source.split('\n')
    const line = lines.findIndex((l) => l === '- {{change_1}}') + 1
    const diagnostics = validateTemplate({ name: 'deployment', file: 'templates/deployment.md', source })
    expect(jsonOf(diagnostics)).toEqual([
      expect.objectContaining({ line, column: 5, rule: 'template-variable', severity: 'warning', message: 'Unexpected undocumented variable `change_1`, expected it declared under `variables` in the manifest' }),
    ])
  })

  it('should report a Handlebars syntax error at the tag at fault, with the manifest still checked', () => {
    // line 31 becomes `{{#if urgent}}` without `{{/if}}`; line 9's gate becomes `shipped`
    const source = edit({ 9: '    - { stage: Ship, group: After, role: task, gate: shipped }', 31: ['{{#if urgent}}', '- [ ] Deployed'] })
    expect(diagnose(source)).toEqual([
      [9, 7, 'template-manifest', 'error', 'Unexpected gate "shipped", expected a status: planned, approved, in-progress, deployed, verified, closed, rolled-back, failed, cancelled'],
      [29, 1, 'template-group', 'error', 'Unexpected checklist `After` in stage `Ship` without a rule, expected a manifest rule giving it a role, e.g. `- { stage: Ship, group: After, role: task, gate: approved }`'],
      [31, 1, 'template-syntax', 'error', 'Unexpected end of template, expected `{{/if}}` to close `{{#if}}`'],
    ])
  })

  it('should report a helper templates may not use where it is called', () => {
    // line 27 is `- [ ] Tests pass by {{upper owner}}`: `- [ ] Tests pass by ` is 20 characters
    expect(diagnose(edit({ 27: '- [ ] Tests pass by {{upper owner}}' }))).toEqual([
      [27, 21, 'template-syntax', 'error', 'Unexpected helper `upper`, expected one of if, unless, each, with, lookup, eq, ne, and, or, not'],
    ])
  })

  it('should report every construct templates may not use, while rendering stops at the first', () => {
    // line 27: `- [ ] Tests pass by ` is 20 characters; line 31: `- [ ] Deployed ` is 15
    const source = edit({ 27: '- [ ] Tests pass by {{upper owner}}', 31: '- [ ] Deployed {{> footer}}' })
    expect(diagnose(source)).toEqual([
      [27, 21, 'template-syntax', 'error', 'Unexpected helper `upper`, expected one of if, unless, each, with, lookup, eq, ne, and, or, not'],
      [31, 16, 'template-syntax', 'error', 'Unexpected partial `{{> footer}}`, expected a self-contained template (partials are not supported)'],
    ])
    expect(() => renderTemplate(source, { file: 'templates/mini.md', values: {} })).toThrow(
      'templates/mini.md:27:21: Unexpected helper `upper`, expected one of if, unless, each, with, lookup, eq, ne, and, or, not',
    )
  })

  it('should report a template without a manifest, and check nothing else of it', () => {
    expect(diagnose(BASE.slice(10).join('\n'))).toEqual([
      [1, 1, 'template-manifest', 'error', 'Expected the template to start with a `{{!-- shiplog: … --}}` block declaring its groups'],
    ])
  })

  it('should report a checklist group that no rule names, and a rule that names no group', () => {
    // line 29's label becomes `Afterwards`, so the rule on line 9 names nothing and the group has no rule
    expect(diagnose(edit({ 29: '**Afterwards**:' }))).toEqual([
      [9, 7, 'template-rule', 'warning', 'Unexpected rule for group `After` of stage `Ship`, expected a checklist under an H3/H4 heading or bold label of that name in the template'],
      [29, 1, 'template-group', 'error', 'Unexpected checklist `Afterwards` in stage `Ship` without a rule, expected a manifest rule giving it a role, e.g. `- { stage: Ship, group: Afterwards, role: task, gate: approved }`'],
    ])
  })

  it('should name the stage when a rule names a stage the template does not have', () => {
    expect(diagnose(edit({ 23: '## Shipping' }))).toEqual([
      [8, 7, 'template-rule', 'warning', 'Unexpected rule for stage `Ship`, expected an H2 heading of that name with a checklist in the template'],
      [9, 7, 'template-rule', 'warning', 'Unexpected rule for stage `Ship`, expected an H2 heading of that name with a checklist in the template'],
      [25, 1, 'template-group', 'error', 'Unexpected checklist `Before` in stage `Shipping` without a rule, expected a manifest rule giving it a role, e.g. `- { stage: Shipping, group: Before, role: task, gate: approved }`'],
      [29, 1, 'template-group', 'error', 'Unexpected checklist `After` in stage `Shipping` without a rule, expected a manifest rule giving it a role, e.g. `- { stage: Shipping, group: After, role: task, gate: approved }`'],
    ])
  })

  it('should read groups inside every branch of an #if, and accept `*` rules', () => {
    const source = edit(
      { 6: ['    owner: { description: Who ships it }', '    urgent: { description: Whether on-call is paged }'], 9: '    - { stage: Ship, group: "*", role: task, gate: deployed }' },
      ['', '{{#if urgent}}', '**Page**:', '', '- [ ] On-call paged', '{{else}}', '**Notify**:', '', '- [ ] Team told', '{{/if}}'],
    )
    expect(diagnose(source)).toEqual([])
  })

  it('should warn about a gate on a trigger, a cancelled gate and a `when` key the frontmatter lacks', () => {
    const source = edit({
      8: '    - { stage: Ship, group: Before, role: trigger, gate: approved }',
      9: '    - { stage: Ship, group: After, role: task, gate: cancelled, when: { urgency: high, status: planned } }',
    })
    expect(diagnose(source)).toEqual([
      [8, 7, 'template-rule', 'warning', 'Unexpected gate `approved` on a trigger group, expected none: trigger items are conditions and never gate a status'],
      // same place and rule: ordered by message, and a backtick sorts before `g`
      [9, 7, 'template-rule', 'warning', "Unexpected `when` key `urgency`, expected a key of the template's frontmatter: records made from it have no `urgency`, so the group is never active"],
      [9, 7, 'template-rule', 'warning', 'Unexpected gate `cancelled`, expected a status that requires work: `cancelled` requires nothing'],
    ])
  })

  it('should warn about variables used but not declared, and declared but never used, except those shiplog fills', () => {
    // line 6 declares `ticket` instead of `owner` (read on line 20, name in column 11); line 27 reads
    // `{{date}}` (filled by shiplog) and `{{reviewer}}`: `- [ ] Tests pass on {{date}}, {{` is 32 characters
    const source = edit({ 6: '    ticket: { description: Ticket }', 27: '- [ ] Tests pass on {{date}}, {{reviewer}}' })
    expect(diagnose(source)).toEqual([
      [6, 13, 'template-variable', 'warning', 'Unexpected variable `ticket` declared but never used, expected it used in the template or removed from `variables`'],
      [20, 11, 'template-variable', 'warning', 'Unexpected undocumented variable `owner`, expected it declared under `variables` in the manifest'],
      [27, 33, 'template-variable', 'warning', 'Unexpected undocumented variable `reviewer`, expected it declared under `variables` in the manifest'],
    ])
  })

  it('should flag a variable templateVariables finds once the manifest no longer declares it', () => {
    const source = bundledSource('itil')
    const undeclared = validateTemplate({ name: 'itil', file: 'templates/itil.md', source: source.replace('    requestor: { description: Who requested the release and agrees it can be closed }\n', '') })
    expect(undeclared.map((d) => d.message)).toEqual(['Unexpected undocumented variable `requestor`, expected it declared under `variables` in the manifest'])
    expect(templateVariables(source)).toContain('requestor')
  })

  it('should report frontmatter naming another template as an error, and a missing name or a different manifest name as warnings', () => {
    expect(diagnose(edit({ 12: 'template: deployment' }))).toEqual([
      [12, 1, 'template-name', 'error', 'Unexpected `template: deployment` in template `mini`, expected `template: mini`: records made from it would follow the rules of another template'],
    ])
    expect(diagnose(edit({ 12: 'type: workflow' }))).toEqual([
      [11, 1, 'template-name', 'warning', 'Unexpected frontmatter without `template: mini`, expected it so that records name the rules they follow'],
    ])
    // saved as templates/hotfix.md, with `name: mini` and `template: hotfix`
    expect(diagnose(edit({ 12: 'template: "hotfix"' }), 'hotfix')).toEqual([
      [3, 9, 'template-name', 'warning', 'Unexpected manifest name `mini`, expected `hotfix`: templates are known by their file name'],
    ])
  })

  it('should warn about frontmatter keys a record requires, and about a template without frontmatter', () => {
    expect(diagnose(edit({ 15: 'type: workflow', 17: 'phase: deployment' }))).toEqual([
      [11, 1, 'template-frontmatter', 'warning', 'Unexpected frontmatter without `component`, `environment`, expected every key a record requires (FORMAT.md §2)'],
    ])
    // lines 11 to 21 (the frontmatter, which reads `owner`) removed: line 12 is now `## Ship`
    const source = edit({ 6: '    ticket: { description: Ticket }', 11: [], 12: [], 13: [], 14: [], 15: [], 16: [], 17: [], 18: [], 19: [], 20: [], 21: [] })
    expect(diagnose(source).map(([line, column, rule, severity]) => [line, column, rule, severity])).toEqual([
      [6, 13, 'template-variable', 'warning'],
      [11, 1, 'template-frontmatter', 'warning'],
    ])
  })

  it('should warn when the manifest names a table heading the template does not have', () => {
    const source = edit({ 7: ['  tables:', '    timeline: Rollout Log', '  groups:'] }, ['', '### Deployment Timeline', '', '| Phase | End Time |', '|---|---|', '| Application deployment | 10:30 |'])
    expect(diagnose(source)).toEqual([
      [8, 15, 'template-table', 'warning', 'Unexpected `tables.timeline` heading `Rollout Log`, expected the heading of a table in the template: metrics read deploy times and durations from it'],
    ])
  })

  it('should never throw, whatever the text', () => {
    for (const source of ['', '{{', '{{!-- shiplog: [', '\u0000\uFFFF', '{{!--\nshiplog:\n  groups: 7\n--}}\n## A\n- [ ] x\n']) {
      expect(() => validateTemplate({ name: 'x', file: 'templates/x.md', source })).not.toThrow()
    }
  })
})

describe('checkTemplates', () => {
  it('should count files, errors and warnings over several templates, sorted by file and line', () => {
    const result = checkTemplates([
      { name: 'mini', file: 'templates/mini.md', source: edit({ 29: '**Afterwards**:' }) },
      { name: 'clean', file: 'templates/clean.md', source: edit({ 3: '  name: clean', 12: 'template: clean' }) },
    ])
    expect(result).toMatchObject({ files: 2, errors: 1, warnings: 1, paths: ['templates/clean.md', 'templates/mini.md'] })
    expect(result.diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([
      ['templates/mini.md', 9, 'template-rule'],
      ['templates/mini.md', 29, 'template-group'],
    ])
  })
})
