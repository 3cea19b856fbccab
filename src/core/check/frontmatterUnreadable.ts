import type { ReleaseRecord } from '../record/types.ts'

/**
 * Parse problems after which the frontmatter cannot be trusted (a YAML error, another engine, a
 * file that could not be read or decoded): rules about frontmatter values stay quiet, the problem
 * itself is reported.
 */
const UNREADABLE = /^(?:frontmatter-(?:yaml|engine|unclosed)|encoding|file-read|file-size|file-skipped|internal)$/

/** True when an error-level parse problem means the frontmatter was not read. */
export function frontmatterUnreadable(record: ReleaseRecord): boolean {
  return record.problems.some((problem) => problem.severity === 'error' && UNREADABLE.test(problem.ruleId))
}
