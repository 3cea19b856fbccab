import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckResult } from '../types.ts'

/** Characters XML 1.0 does not allow, even escaped: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text content: characters XML cannot hold removed, `&`, `<`, `>` escaped, CR kept as a reference (parsers fold a raw CR into LF). */
export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')
}

/** An attribute value (double-quoted): text escapes plus quotes, and whitespace kept as references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')
}

/**
 * JUnit XML for CI test reports: one `<testcase>` per record (classname `shiplog.check`) with one
 * `<failure>` when the record has errors (type = the rule ids, text = every error), warnings in the
 * test case's `<system-out>`.
 * `failures` counts the records with at least one error.
 */
export function formatJunit(result: CheckResult): string {
  const byFile = new Map<string, PlacedMessage[]>()
  for (const path of result.paths) byFile.set(path, [])
  for (const diagnostic of result.diagnostics) {
    const list = byFile.get(diagnostic.file) ?? []
    list.push(diagnostic)
    byFile.set(diagnostic.file, list)
  }
  const files = [...byFile.keys()].sort()
  let failed = 0
  const cases: string[] = []
  for (const file of files) {
    const diagnostics = byFile.get(file) ?? []
    const errors = diagnostics.filter((d) => d.severity === 'error')
    const warnings = diagnostics.filter((d) => d.severity === 'warning')
    if (errors.length > 0) failed++
    const name = escapeXmlAttribute(file)
    const open = `    <testcase name="${name}" classname="shiplog.check" file="${name}"`
    if (diagnostics.length === 0) {
      cases.push(`${open}/>`)
      continue
    }
    const body: string[] = []
    const [first] = errors
    if (first) {
      // One failure per test case (what JUnit readers expect); every error is listed in its text.
      const message = errors.length === 1 ? first.reason : `${errors.length} errors; first: ${first.reason}`
      const rules = [...new Set(errors.map((d) => d.ruleId))].join(',')
      const text = errors.map((d) => `${d.file}:${d.line}:${d.column}  ${d.ruleId}\n${d.reason}`).join('\n')
      body.push(`      <failure message="${escapeXmlAttribute(message)}" type="${escapeXmlAttribute(rules)}">${escapeXmlText(text)}</failure>`)
    }
    if (warnings.length > 0) {
      const lines = warnings.map((d) => `${d.file}:${d.line}:${d.column}  warning  ${d.reason}  ${d.ruleId}`)
      body.push(`      <system-out>${escapeXmlText(lines.join('\n'))}</system-out>`)
    }
    cases.push(`${open}>\n${body.join('\n')}\n    </testcase>`)
  }
  const counts = `tests="${files.length}" failures="${failed}" errors="0"`
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="shiplog check" ${counts}>`,
    `  <testsuite name="shiplog check" ${counts} skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}
