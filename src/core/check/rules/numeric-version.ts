import { frontmatterUnreadable } from '../frontmatterUnreadable.ts'
import type { CheckRule } from '../types.ts'

/**
 * `numeric-version`: an unquoted `version` that YAML reads as a number.
 *
 * shiplog keeps `version: 1.10` as written, but most YAML tools (editors, CI scripts, other
 * generators) turn it into the number 1.1, and `0123` into 123 or 83. Quote it.
 */
export const numericVersionRule: CheckRule = {
  id: 'numeric-version',
  description: 'An unquoted `version` that YAML would read as a number (`1.10` becomes 1.1).',
  severity: 'warning',
  docs: [
    '**warning** when `version` is an unquoted number such as `1.10` or `2`: shiplog reads it as written,',
    'but other YAML readers turn `1.10` into `1.1`. Write `version: "1.10"`.',
  ].join('\n'),
  examples: {
    good: ['---\nversion: "1.10"\n---\n', '---\nversion: 1.10.0\n---\n'],
    bad: [{ input: '---\nversion: 1.10\n---\n', expected: [{ line: 2, severity: 'warning' }] }],
  },
  check(record, context) {
    if (frontmatterUnreadable(record)) return []
    const field = record.frontmatter.fields['version']
    const value = record.frontmatter.data['version']
    if (!field || !field.numeric || field.style !== 'plain' || typeof value !== 'string') return []
    const asNumber = Number(value.replace(/_/g, ''))
    const reads = Number.isFinite(asNumber) && String(asNumber) !== value ? ` (other YAML readers see ${String(asNumber)})` : ''
    return [
      context.report({ line: field.value.line, column: field.value.column }, `Unexpected unquoted numeric version \`${value}\`${reads}, expected a quoted string: \`version: "${value}"\``),
    ]
  },
}
