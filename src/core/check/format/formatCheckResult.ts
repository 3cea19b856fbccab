import type { CheckResult } from '../types.ts'
import { formatGithub } from './github.ts'
import { formatGitlab } from './gitlab.ts'
import { formatJson } from './json.ts'
import { formatJunit } from './junit.ts'
import type { RuleInfo } from './ruleInfo.ts'
import { formatSarif } from './sarif.ts'
import { formatText } from './text.ts'

export const CHECK_FORMATS = ['text', 'json', 'github', 'junit', 'sarif', 'gitlab'] as const
export type CheckFormat = (typeof CHECK_FORMATS)[number]

export function isCheckFormat(value: unknown): value is CheckFormat {
  return typeof value === 'string' && (CHECK_FORMATS as readonly string[]).includes(value)
}

export interface FormatOptions {
  /** `text`: colour (ANSI). */
  color?: boolean
  /** `sarif`: shiplog's version. */
  version?: string
  /** `junit`: the check's elapsed time in milliseconds. */
  elapsedMs?: number
  /** `junit`, `sarif`: the rules that ran (default: the check rules). */
  rules?: readonly RuleInfo[]
}

/** Formats a check result; each option applies to the formats it names. */
export function formatCheckResult(result: CheckResult, format: CheckFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(result)
    case 'github':
      return formatGithub(result)
    case 'junit':
      return formatJunit(result, {
        ...(options.rules === undefined ? {} : { rules: options.rules }),
        ...(options.elapsedMs === undefined ? {} : { elapsedMs: options.elapsedMs }),
      })
    case 'sarif':
      return formatSarif(result, {
        ...(options.rules === undefined ? {} : { rules: options.rules }),
        ...(options.version === undefined ? {} : { version: options.version }),
      })
    case 'gitlab':
      return formatGitlab(result)
    case 'text':
      return formatText(result, options.color === undefined ? {} : { color: options.color })
  }
}
