import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckResult } from '../types.ts'
import { CHECK_RULES, type RuleInfo } from './ruleInfo.ts'

/** Characters XML 1.0 does not allow, even escaped: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text content: characters XML cannot hold removed, `&`, `<`, `>` escaped, CR kept as a reference (parsers fold a raw CR into LF). */
export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')
}

/** An attribute value (double-quoted): text escapes plus quotes, and whitespace kept as references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')
}

export interface JunitOptions {
  /** The rules that ran on every file (default: the check rules): each is a test case of each file. */
  rules?: readonly RuleInfo[]
  /** How long the check took, in milliseconds (default 0): the report's `time`, shared out among files and rules. */
  elapsedMs?: number
}

/**
 * JUnit XML for CI test reports, valid against Jenkins' junit-10.xsd: one `<testsuite>` per
 * checked file (name and `file` = the file), one `<testcase>` per rule in it (classname = the
 * file, name = the rule id), so CI views group by record and a clean record still shows what was
 * checked. A rule with errors in the file fails its test case with one `<failure>` (message = the
 * first error, or the count; type = the rule id; text = every error as `file:line:column  reason`);
 * its warnings are in the test case's `<system-out>`. Rule ids met only in messages (problems
 * reading the file) are test cases of their file too. `time` (seconds, 3 decimals) is the check's
 * elapsed time on `<testsuites>`, an equal share of it on each suite and each case (rules run on
 * all records together; no per-record time is measured).
 */
export function formatJunit(result: CheckResult, options: JunitOptions = {}): string {
  const ruleIds = (options.rules ?? CHECK_RULES).map((rule) => rule.id)
  const byFile = new Map<string, PlacedMessage[]>()
  for (const path of result.paths) byFile.set(path, [])
  for (const diagnostic of result.diagnostics) {
    const list = byFile.get(diagnostic.file) ?? []
    list.push(diagnostic)
    byFile.set(diagnostic.file, list)
  }
  const files = [...byFile.keys()].sort()
  const elapsed = Math.max(0, options.elapsedMs ?? 0)
  const fileMs = files.length === 0 ? 0 : elapsed / files.length
  let tests = 0
  let failures = 0
  const suites: string[] = []
  for (const file of files) {
    const diagnostics = byFile.get(file) ?? []
    const ids = [...ruleIds, ...new Set(diagnostics.map((d) => d.ruleId).filter((id) => !ruleIds.includes(id)))]
    const caseTime = seconds(ids.length === 0 ? 0 : fileMs / ids.length)
    let failed = 0
    const cases = ids.map((id) => {
      const mine = diagnostics.filter((d) => d.ruleId === id)
      const errors = mine.filter((d) => d.severity === 'error')
      const others = mine.filter((d) => d.severity !== 'error')
      const open = `    <testcase name="${escapeXmlAttribute(id)}" classname="${escapeXmlAttribute(file)}" time="${caseTime}"`
      if (mine.length === 0) return `${open}/>`
      const body: string[] = []
      const [first] = errors
      if (first) {
        failed++
        const message = errors.length === 1 ? first.reason : `${errors.length} errors; first: ${first.reason}`
        const text = errors.map((d) => `${d.file}:${d.line}:${d.column}  ${d.reason}`).join('\n')
        body.push(`      <failure message="${escapeXmlAttribute(message)}" type="${escapeXmlAttribute(id)}">${escapeXmlText(text)}</failure>`)
      }
      if (others.length > 0) {
        const lines = others.map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.reason}`)
        body.push(`      <system-out>${escapeXmlText(lines.join('\n'))}</system-out>`)
      }
      return `${open}>\n${body.join('\n')}\n    </testcase>`
    })
    tests += ids.length
    failures += failed
    const name = escapeXmlAttribute(file)
    suites.push(
      `  <testsuite name="${name}" tests="${ids.length}" failures="${failed}" errors="0" skipped="0" time="${seconds(fileMs)}" file="${name}"${cases.length === 0 ? '/>' : '>'}`,
      ...(cases.length === 0 ? [] : [...cases, '  </testsuite>']),
    )
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="shiplog check" tests="${tests}" failures="${failures}" errors="0" time="${seconds(elapsed)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}

/** Milliseconds as seconds with 3 decimals, the form junit-10.xsd's SUREFIRE_TIME takes. */
function seconds(ms: number): string {
  return (Math.round(ms) / 1000).toFixed(3)
}
