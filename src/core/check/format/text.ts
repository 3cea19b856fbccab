import pc from 'picocolors'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckResult } from '../types.ts'
import { oneLine } from './sanitize.ts'

export interface TextOptions {
  /** Colour severities and dim locations and rule ids (ANSI); off unless asked. */
  color?: boolean
}

/**
 * The human format: diagnostics grouped by file (a blank line between files), one per line as
 * `file:line:col  severity  message  rule`, columns aligned within a file, then a summary line.
 */
export function formatText(result: CheckResult, options: TextOptions = {}): string {
  const c = pc.createColors(options.color === true)
  const groups = new Map<string, PlacedMessage[]>()
  for (const diagnostic of result.diagnostics) {
    const list = groups.get(diagnostic.file) ?? []
    list.push(diagnostic)
    groups.set(diagnostic.file, list)
  }
  const blocks: string[] = []
  for (const [file, diagnostics] of groups) {
    const rows = diagnostics.map((d) => ({
      place: `${oneLine(file)}:${d.line}:${d.column}`,
      severity: d.severity,
      message: oneLine(d.reason),
      rule: oneLine(d.ruleId),
    }))
    const placeWidth = rows.reduce((width, row) => Math.max(width, row.place.length), 0)
    const messageWidth = rows.reduce((width, row) => Math.max(width, row.message.length), 0)
    blocks.push(
      rows
        .map((row) => {
          const severity = row.severity === 'error' ? c.red('error  ') : c.yellow('warning')
          return `${c.dim(row.place.padEnd(placeWidth))}  ${severity}  ${row.message.padEnd(messageWidth)}  ${c.dim(row.rule)}`
        })
        .join('\n'),
    )
  }
  const summary = summaryLine(result)
  const coloured = result.errors > 0 ? c.red(summary) : result.warnings > 0 ? c.yellow(summary) : c.green(summary)
  return `${blocks.length > 0 ? `${blocks.join('\n\n')}\n\n` : ''}${coloured}\n`
}

function summaryLine(result: CheckResult): string {
  const files = `${result.files} ${result.files === 1 ? 'file' : 'files'} checked`
  if (result.errors === 0 && result.warnings === 0) return `${files}, no problems`
  const errors = `${result.errors} ${result.errors === 1 ? 'error' : 'errors'}`
  const warnings = `${result.warnings} ${result.warnings === 1 ? 'warning' : 'warnings'}`
  return `${files}: ${errors}, ${warnings}`
}
