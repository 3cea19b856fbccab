import { FIELDS } from '../frontmatterSchema.ts'
import { frontmatterUnreadable } from '../frontmatterUnreadable.ts'
import { matchChoice, unexpectedChoice } from '../../template/matchChoice.ts'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckRule } from '../types.ts'

/**
 * `template-choice`: a frontmatter value outside the choices its template declares.
 *
 * A template's frontmatter key whose whole value is one variable (`impact: "{{impact}}"`,
 * `TemplateManifest.fields`) must hold one of that variable's `choices`, compared as a keyword
 * (trimmed, case-insensitive, as the manifest's `when` conditions compare): ITIL's `impact: hihg`
 * would otherwise silently drop the Training phase. An unfilled `{{name}}` is left to
 * `unfilled-placeholder`, an empty value to the required-key checks, and a value the record
 * format's own schema already refuses (`release_type: majr`) to `frontmatter-schema`.
 */
export const templateChoiceRule: CheckRule = {
  id: 'template-choice',
  description: "A frontmatter value outside the choices the record's template declares for it.",
  severity: 'error',
  docs: [
    "**error** when a frontmatter value is not one of the `choices` its template's manifest declares for the variable the key holds",
    '(`impact: "{{impact}}"` with `impact: { choices: [low, medium, high] }`). Values compare as keywords: trimmed and case-insensitive, as `when` conditions do,',
    'so a misspelt value (`hihg`) would silently turn a conditional group off. Unfilled placeholders and empty values are left to `unfilled-placeholder` and',
    '`frontmatter-schema`, as are values the record format itself refuses (`release_type: majr`).',
  ].join('\n'),
  examples: {
    good: ['---\ntemplate: itil\nimpact: High\nurgency: low\n---\n'],
    bad: [{ input: '---\ntemplate: itil\nimpact: hihg\nurgency: high\n---\n', expected: [{ line: 3, severity: 'error' }] }],
  },
  check(record, context) {
    const manifest = context.manifests[record.template]
    if (!manifest?.fields || frontmatterUnreadable(record)) return []
    const reports: PlacedMessage[] = []
    for (const [key, name] of Object.entries(manifest.fields)) {
      const choices = Object.hasOwn(manifest.variables, name) ? manifest.variables[name]?.choices : undefined
      const field = Object.hasOwn(record.frontmatter.fields, key) ? record.frontmatter.fields[key] : undefined
      const value = record.frontmatter.data[key]
      if (!choices || !field || value === null || value === undefined || (typeof value === 'string' && (value.trim() === '' || value.includes('{{')))) continue
      if (matchChoice(value, choices) !== null) continue
      const spec = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined
      if (spec && !spec.schema.safeParse(value).success) continue
      reports.push(context.report({ line: field.value.line, column: field.value.column }, unexpectedChoice(key, value, choices)))
    }
    return reports
  },
}
