import { formatText } from '../check/format/text.ts'
import type { Promotion } from './planPromotion.ts'

/**
 * What `shiplog promote` prints for a plan that is not refused: the move made (or, with `dryRun`,
 * the one that would be), or what is left before it: the open items by stage and group, each at
 * its line, then the other errors as `check` prints them.
 */
export function formatPromotion(plan: Exclude<Promotion, { kind: 'refused' }>, file: string, options: { dryRun?: boolean; color?: boolean } = {}): string {
  const dry = options.dryRun ? '(dry run) ' : ''
  switch (plan.kind) {
    case 'unchanged':
      return `${file} is already \`${plan.status}\`: nothing to write\n`
    case 'promoted': {
      const warnings = plan.result.warnings > 0 ? ` (${plan.result.warnings} warning(s): see shiplog check)` : ''
      return options.dryRun
        ? `${dry}${file} would move from \`${plan.from}\` to \`${plan.to}\`: the gate passes; nothing written${warnings}\n`
        : `${file}: \`${plan.from}\` → \`${plan.to}\`${warnings}\n`
    }
    case 'blocked': {
      const others = plan.result.diagnostics.filter((diagnostic) => diagnostic.ruleId !== 'status-gate')
      const left = [plan.open.length > 0 ? `${plan.open.length} open item(s)` : '', others.length > 0 ? `${others.length} other error(s)` : ''].filter(Boolean).join(' and ')
      const lines = [`${dry}Not promoted: ${file} stays \`${plan.from}\`; ${left} before \`${plan.to}\`:`]
      if (plan.open.length > 0) {
        lines.push('', `Open items at \`${plan.to}\`:`)
        for (const { stage, group, item } of plan.open) lines.push(`  ${file}:${item.line}  ${stage.name} › ${group.name}: ${item.text}`)
      }
      if (others.length > 0) {
        lines.push('', 'Other errors:', formatText({ ...plan.result, errors: others.length, diagnostics: others }, { color: options.color === true }).replace(/\n$/, ''))
      }
      return `${lines.join('\n')}\n`
    }
  }
}
