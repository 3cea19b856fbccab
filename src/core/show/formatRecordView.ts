import { createColors } from 'picocolors'
import { oneLine } from '../check/format/sanitize.ts'
import { formatMinutes } from '../../shared/formatFigure.ts'
import type { RecordView } from './types.ts'
import { wrapText } from './wrapText.ts'

export interface RecordViewFormatOptions {
  /** Use ANSI colours (the CLI: a terminal, without NO_COLOR or --no-color). */
  color: boolean
  /** Draw progress bars (a terminal). */
  bars: boolean
  /** Columns to wrap at (the terminal's width, else 80). */
  width: number
}

const BAR_WIDTH = 20

/**
 * One record for the terminal: title and facts, progress per stage, the next status and the items
 * left before it (those already overdue first), sign-offs, the Deployment Timeline and the Issues
 * Encountered; parts without content are left out. Record text is put on one line without control
 * characters (`oneLine`, so no escape sequence reaches the terminal), then wrapped at `width`.
 */
export function formatRecordView(view: RecordView, options: RecordViewFormatOptions): string {
  const c = createColors(options.color)
  const width = Math.max(40, options.width)
  const out: string[] = []
  const wrap = (text: string, first: string, rest = first): void => {
    out.push(...wrapText(oneLine(text), width, first, rest))
  }
  const name = [view.component, view.version].filter((part) => part !== null).join(' ')
  const title = view.title === null ? name || view.file : name === '' ? view.title : `${view.title} (${name})`
  out.push(...wrapText(oneLine(title), width).map((line) => c.bold(line)))
  out.push(c.dim(oneLine(view.file)))
  wrap([`Status ${view.status ?? 'none'}`, view.environment, view.owner === null ? null : `owner ${view.owner}`].filter((part) => part !== null).join(' · '), '')
  const when = [view.scheduled === null ? null : `Scheduled ${view.scheduled}`, view.deployed === null ? null : `deployed ${view.deployed}`].filter((part) => part !== null)
  if (when.length > 0) wrap(when.join(' · '), '')

  const progress = view.progress
  out.push('', `${c.bold('Progress')}  ${count(progress.done, progress.total)}${options.bars ? `  ${bar(progress.done, progress.total)}` : ''}`)
  const nameWidth = Math.min(Math.max(0, ...progress.stages.map((stage) => oneLine(stage.name).length)), Math.max(10, width - BAR_WIDTH - 14))
  for (const stage of progress.stages) {
    const counts = count(stage.done, stage.total)
    const shown = stage.total > 0 && stage.done === stage.total ? c.green(counts) : counts
    const label = oneLine(stage.name)
    const cut = label.length > nameWidth ? `${label.slice(0, nameWidth - 1)}…` : label.padEnd(nameWidth)
    out.push(`  ${cut}  ${options.bars ? `${bar(stage.done, stage.total)} ` : ''}${shown}`)
  }

  const next = view.next
  if (next !== null) {
    out.push('', `${c.bold('Next')}  ${next.next}: ${next.left === 0 ? c.green('nothing left, ready to promote') : `${next.left} item${next.left === 1 ? '' : 's'} left`}`)
    const groups = (list: typeof next.overdue, heading: string, paint: (text: string) => string): void => {
      if (list.length === 0) return
      out.push(`  ${paint(heading)}`)
      for (const group of list) {
        wrap(`${group.stage} › ${group.group}`, '    ', '      ')
        for (const item of group.items) wrap(`[ ] ${item.text} (line ${item.line})`, '      ', '          ')
      }
    }
    groups(next.overdue, `Overdue: required at ${next.status}`, c.red)
    groups(next.due, `Due at ${next.next}`, (text) => text)
  }

  if (view.signoffs.length > 0) {
    out.push('', c.bold('Sign-offs'))
    for (const group of view.signoffs) {
      const signed = group.items.filter((item) => item.signed).length
      const counted = group.items.filter((item) => !item.notApplicable).length
      wrap(`${group.stage} › ${group.group}  ${signed}/${counted} signed${group.required ? ', required now' : ''}`, '  ', '    ')
      for (const item of group.items) {
        if (item.notApplicable) continue
        const who = item.named && item.name !== null ? `${item.role}: ${item.name}` : `${item.role}: not named`
        const lines = wrapText(oneLine(`${item.signed ? '[x]' : '[ ]'} ${who}`), width, '    ', '        ')
        out.push(...lines.map((text) => (item.signed ? c.green(text) : item.named ? text : c.red(text))))
      }
    }
  }

  if (view.timeline.length > 0) {
    out.push('', c.bold('Timeline'))
    for (const row of view.timeline) {
      const span = row.start !== null && row.end !== null ? `${row.start} → ${row.end}` : (row.start ?? row.end ?? 'no times')
      wrap(`${row.phase}: ${span}${row.minutes === null ? '' : `, ${formatMinutes(row.minutes)}`}`, '  ', '    ')
    }
  }

  if (view.issues.length > 0) {
    out.push('', c.bold('Issues'))
    for (const issue of view.issues) {
      const severity = issue.severity === '' ? 'no severity' : issue.severity
      const parts = [issue.time, issue.minutes === null ? null : formatMinutes(issue.minutes)].filter((part) => part !== null)
      const line = wrapText(oneLine(`${severity}: ${issue.issue}${parts.length > 0 ? `, ${parts.join(', ')}` : ''}${issue.failure ? ' (fails the deployment)' : ''}`), width, '  ', '    ')
      out.push(...(issue.failure ? line.map((text) => c.red(text)) : line))
    }
  }
  return `${out.join('\n')}\n`
}

function count(done: number, total: number): string {
  return total === 0 ? '0/0' : `${done}/${total} ${Math.floor((done / total) * 100)}%`
}

function bar(done: number, total: number): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * BAR_WIDTH)
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled)
}
