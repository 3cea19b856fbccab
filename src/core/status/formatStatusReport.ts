import { formatBusinessDays } from '../../shared/formatFigure.ts'
import { createColors } from 'picocolors'
import type { ActionItemProgress, GroupProgress, RecordProgress, StageProgress } from './types.ts'

export interface StatusReportOptions {
  /** Use ANSI colours. */
  color: boolean
  /** Draw progress bars (for a terminal). */
  bars: boolean
}

const BAR_WIDTH = 20

function percent(done: number, total: number): string {
  return total === 0 ? '—' : `${Math.floor((done / total) * 100)}%`
}

function bar(done: number, total: number): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * BAR_WIDTH)
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled)
}

function groupLabel(group: GroupProgress): string {
  if (group.role === 'trigger') return `${group.done}/${group.total} fired`
  const note = group.counted ? '' : ' (not counted: condition does not hold)'
  return `${group.done}/${group.total}${note}`
}

type Colors = ReturnType<typeof createColors>

/**
 * A stage's role and expected duration against its actual one, e.g. `Release Manager · expected
 * 1 day · took 1.33 days, over`; empty for a stage without them. Days are business days.
 */
function stageTiming(c: Colors, stage: StageProgress): string {
  const parts: string[] = []
  if (stage.role) parts.push(stage.role)
  if (stage.expected) parts.push(`expected ${stage.expected.text}`)
  const actual = stage.actual
  const inDays = stage.expected?.unit === 'days'
  if (actual && actual.hours !== null && actual.days !== null) {
    const took = inDays ? `took ${formatBusinessDays(actual.days)}` : `took ${actual.hours} h`
    parts.push(stage.over ? c.red(`${took}, over`) : stage.over === false ? c.green(took) : took)
  } else if (actual?.started) {
    parts.push(stage.overdue ? c.red(`started ${actual.started}, overdue`) : `started ${actual.started}`)
  }
  return parts.length === 0 ? '' : `  ${c.dim('·')} ${parts.join(c.dim(' · '))}`
}

/**
 * Open action items per owner, in order of first appearance (`Ana Ruiz 2 (1 overdue), no owner 1`),
 * or `none of 3` when every item is done; null when the record has none.
 */
function actionItemsLine(items: readonly ActionItemProgress[]): { text: string; overdue: boolean } | null {
  if (items.length === 0) return null
  const owners = new Map<string, { open: number; overdue: number }>()
  for (const item of items) {
    if (!item.open) continue
    const owner = item.owner ?? 'no owner'
    const counts = owners.get(owner) ?? { open: 0, overdue: 0 }
    counts.open++
    if (item.overdue) counts.overdue++
    owners.set(owner, counts)
  }
  if (owners.size === 0) return { text: `none of ${items.length}`, overdue: false }
  const parts = [...owners].map(([owner, counts]) => `${owner} ${counts.open}${counts.overdue > 0 ? ` (${counts.overdue} overdue)` : ''}`)
  return { text: parts.join(', '), overdue: [...owners.values()].some((counts) => counts.overdue > 0) }
}

/** The human-readable `shiplog status` report: per record, stage and group. */
export function formatStatusReport(records: RecordProgress[], options: StatusReportOptions): string {
  const c = createColors(options.color)
  if (records.length === 0) return 'No release records found.\n'
  const nameWidth = Math.max(
    ...records.flatMap((record) => record.stages.flatMap((stage) => [stage.name.length + 2, ...stage.groups.map((g) => g.name.length + 4)])),
    12,
  )
  const lines: string[] = []
  for (const record of records) {
    const heading = `${c.bold(record.file)}  ${record.version ?? '?'}  ${record.status ?? 'no status'}`
    const summary = `${record.done}/${record.total} ${percent(record.done, record.total)}`
    lines.push(options.bars ? `${heading}  ${bar(record.done, record.total)} ${summary}` : `${heading}  ${summary}`)
    for (const stage of record.stages) {
      const label = `  ${stage.name}`.padEnd(nameWidth)
      const counts = `${stage.done}/${stage.total}`
      const complete = stage.total > 0 && stage.done === stage.total
      const colored = complete ? c.green(counts) : counts
      const timing = stageTiming(c, stage)
      lines.push(options.bars ? `${label}  ${bar(stage.done, stage.total)} ${colored}${timing}` : `${label}  ${colored}${timing}`)
      for (const group of stage.groups) {
        const name = `    ${group.name}`.padEnd(nameWidth)
        const role = group.role === 'task' ? '' : c.dim(` [${group.role}]`)
        const text = groupLabel(group)
        const missing = group.required && group.done < group.total
        const shown =
          group.role === 'trigger'
            ? group.done > 0
              ? c.red(text)
              : c.dim(text)
            : group.total > 0 && group.done === group.total
              ? c.green(text)
              : missing
                ? c.red(text)
                : text
        const note = missing ? c.red(`  ← required at ${record.status}: ${group.total - group.done} open`) : ''
        lines.push(`${name}  ${shown}${role}${note}`)
      }
    }
    lines.push(`  ${'Rollback triggers fired'.padEnd(nameWidth - 2)}  ${record.triggers.fired}/${record.triggers.total}`)
    const actions = actionItemsLine(record.actionItems)
    if (actions !== null) lines.push(`  ${'Open action items'.padEnd(nameWidth - 2)}  ${actions.overdue ? c.red(actions.text) : actions.text}`)
    lines.push('')
  }
  return lines.join('\n')
}
