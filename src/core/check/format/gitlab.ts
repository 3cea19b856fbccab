import type { CheckResult } from '../types.ts'
import { fnv1a128 } from './fnv1a128.ts'

/** GitLab Code Quality severities, mildest first. */
export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker'

/** error → major (fails the gate), warning → minor, info → info. */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const satisfies Record<string, GitlabSeverity>

export interface GitlabIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: GitlabSeverity
  location: { path: string; lines: { begin: number } }
}

/**
 * GitLab Code Quality JSON (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
 * an array with one issue per diagnostic. The fingerprint is a 128-bit FNV-1a hash (hex) of the rule id, the
 * file and the message, not the line, so an issue keeps its fingerprint when lines above it move
 * and GitLab does not report it as fixed and new again; the n-th repeat of the same rule, file and
 * message in one report (n ≥ 2) also hashes `n`, so fingerprints are unique within a report.
 */
export function formatGitlab(result: CheckResult): string {
  const seen = new Map<string, number>()
  const issues: GitlabIssue[] = result.diagnostics.map((d) => {
    const key = JSON.stringify([d.ruleId, d.file, d.reason])
    const repeat = (seen.get(key) ?? 0) + 1
    seen.set(key, repeat)
    return {
      description: d.reason,
      check_name: d.ruleId,
      fingerprint: fnv1a128(repeat === 1 ? key : JSON.stringify([d.ruleId, d.file, d.reason, repeat])),
      severity: SEVERITY[d.severity],
      location: { path: d.file, lines: { begin: d.line } },
    }
  })
  return `${JSON.stringify(issues, null, 2)}\n`
}
