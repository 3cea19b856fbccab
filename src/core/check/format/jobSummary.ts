import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckResult } from '../types.ts'

/** A checked record as the summary's table shows it (`computeProgress` gives `done` and `total`). */
export interface SummaryRecord {
  file: string
  /** The lifecycle status, or null when missing or unknown. */
  status: string | null
  done: number
  total: number
}

export interface JobSummaryOptions {
  /** At most this many warnings are listed, then "and N more" (default 50). Errors are all listed. */
  maxWarnings?: number
}

/**
 * The Markdown `check` appends to a GitHub Actions job summary (`$GITHUB_STEP_SUMMARY`): a heading
 * and the totals (no verdict: `--max-warnings` may fail a run without errors; the step shows it), a table of the checked files (record, status, progress, errors, warnings), then
 * every error (annotations stop at 10 per step; the summary does not) and the warnings, listed up to
 * `maxWarnings`. Text from records is escaped for Markdown table cells and inline code: `|`, line
 * breaks, HTML and backticks cannot break the table or inject markup.
 */
export function formatJobSummary(result: CheckResult, records: readonly SummaryRecord[], options: JobSummaryOptions = {}): string {
  const limit = options.maxWarnings ?? 50
  const byFile = new Map(records.map((record) => [record.file, record]))
  const counts = new Map<string, { errors: number; warnings: number }>()
  for (const d of result.diagnostics) {
    const count = counts.get(d.file) ?? { errors: 0, warnings: 0 }
    if (d.severity === 'error') count.errors++
    else if (d.severity === 'warning') count.warnings++
    counts.set(d.file, count)
  }
  const files = [...new Set([...result.paths, ...counts.keys()])]
  const out: string[] = ['## shiplog check', '', `${plural(result.files, 'file')} checked: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}.`, '']
  out.push('| record | status | progress | errors | warnings |', '|---|---|---:|---:|---:|')
  for (const file of files) {
    const record = byFile.get(file)
    const count = counts.get(file) ?? { errors: 0, warnings: 0 }
    const status = record?.status == null ? '—' : cell(record.status)
    const progress = record === undefined || record.total === 0 ? '—' : `${Math.floor((record.done * 100) / record.total)}% (${record.done}/${record.total})`
    out.push(`| ${cell(file)} | ${status} | ${progress} | ${count.errors} | ${count.warnings} |`)
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning')
  if (errors.length > 0) {
    out.push('', `### Errors (${errors.length})`, '', '| place | rule | message |', '|---|---|---|', ...errors.map(row))
  }
  if (warnings.length > 0) {
    const shown = warnings.slice(0, limit)
    out.push('', `### Warnings (${warnings.length})`, '')
    if (shown.length > 0) out.push('| place | rule | message |', '|---|---|---|', ...shown.map(row))
    if (warnings.length > shown.length) out.push('', `…and ${warnings.length - shown.length} more ${warnings.length - shown.length === 1 ? 'warning' : 'warnings'} (run \`shiplog check\` to see every one).`)
  }
  return `${out.join('\n')}\n\n`
}

function row(d: PlacedMessage): string {
  return `| ${cell(`${d.file}:${d.line}:${d.column}`)} | ${cell(d.ruleId)} | ${cell(d.reason)} |`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * Text made safe for one cell of a GitHub Markdown table: HTML special characters as entities (no
 * tag, comment or entity of the record's reaches the page), `|` and `\` escaped, line breaks as
 * `<br>`, other control characters dropped, and Markdown punctuation that could start a link,
 * emphasis or code span escaped with a backslash.
 */
export function cell(text: string): string {
  return text
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~!]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>')
    .trim()
}
