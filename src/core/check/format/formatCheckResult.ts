import type { CheckResult } from '../types.ts'
import { formatGithub } from './github.ts'
import { formatJson } from './json.ts'
import { formatJunit } from './junit.ts'
import { formatText } from './text.ts'

export const CHECK_FORMATS = ['text', 'json', 'github', 'junit'] as const
export type CheckFormat = (typeof CHECK_FORMATS)[number]

export function isCheckFormat(value: unknown): value is CheckFormat {
  return typeof value === 'string' && (CHECK_FORMATS as readonly string[]).includes(value)
}

/** Formats a check result; `color` applies to `text` only. */
export function formatCheckResult(result: CheckResult, format: CheckFormat, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return formatJson(result)
    case 'github':
      return formatGithub(result)
    case 'junit':
      return formatJunit(result)
    case 'text':
      return formatText(result, options.color === undefined ? {} : { color: options.color })
  }
}
