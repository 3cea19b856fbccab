import type { CheckResult } from '../types.ts'

/** Escapes the message of a workflow command (`%`, CR, LF), as @actions/core does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a property value of a workflow command: the data escapes plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * GitHub Actions workflow commands, one per diagnostic:
 * `::error file=releases/2.4.0.md,line=12,col=1,title=status-gate::Unexpected …`.
 * GitHub turns them into annotations on the pull request's files.
 */
export function formatGithub(result: CheckResult): string {
  return result.diagnostics
    .map((d) => {
      const properties = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(d.ruleId)}`].join(',')
      return `::${d.severity} ${properties}::${escapeData(d.reason)}\n`
    })
    .join('')
}
