import type { InitPlan } from './planInit.ts'

/** What happened to one planned file. */
export interface InitOutcome {
  path: string
  /** `created`, or `kept` when the file was already there (it is never overwritten). */
  outcome: 'created' | 'kept'
  purpose: string
}

/** The report `shiplog init` prints: each file created or kept, then what to do by hand and next. */
export function formatInitReport(plan: InitPlan, outcomes: readonly InitOutcome[]): string {
  const rows: Array<{ word: string; path: string; purpose: string }> = []
  const kept = 'already there, left as it was'
  if (plan.keptConfig !== null) rows.push({ word: 'kept', path: plan.keptConfig, purpose: kept })
  for (const outcome of outcomes) {
    rows.push({ word: outcome.outcome, path: outcome.path, purpose: outcome.outcome === 'kept' ? kept : outcome.purpose })
  }
  const width = rows.reduce((width, row) => Math.max(width, row.path.length), 0)
  const lines = rows.map((row) => `  ${row.word.padEnd(7)}  ${row.path.padEnd(width)}  ${row.purpose}`)
  const created = outcomes.filter((outcome) => outcome.outcome === 'created').length
  const out = [`shiplog init: ${created} file${created === 1 ? '' : 's'} created, ${rows.length - created} kept`, ...lines, '']
  out.push('Scripts you may add to package.json (shiplog does not edit it):', '  "scripts": {')
  const entries = Object.entries(plan.scripts)
  entries.forEach(([name, command], index) => out.push(`    ${JSON.stringify(name)}: ${JSON.stringify(command)}${index < entries.length - 1 ? ',' : ''}`))
  out.push('  }', '')
  if (plan.gitignore.length > 0) {
    out.push('Lines to add to .gitignore (shiplog does not edit it):', ...plan.gitignore.map((line) => `  ${line}`), '')
  }
  for (const note of plan.notes) out.push(note, '')
  const template = plan.keptConfig === null ? `the ${plan.defaultTemplate} template` : 'the configured template'
  out.push('Next:', `  npx shiplog new 1.0.0          # a record from ${template}`, '  npx shiplog check              # what CI runs', '  npx shiplog check --templates  # after editing a template', '')
  return out.join('\n')
}
