const FAILURE_SEVERITIES = new Set(['critical', 'high', 'sev1', 'sev2', 'p1', 'p2'])

/**
 * Whether an Issues Encountered Severity marks a failed deployment (FORMAT.md §5): critical, high,
 * sev1, sev2, p1 or p2, case-insensitive. Spaces, `-` and `_` are ignored, so `SEV-2`, `Sev 1` and
 * `P_1` count too; anything else (`medium`, `Sev3`, `High impact`) does not.
 */
export function isFailureSeverity(text: string): boolean {
  return FAILURE_SEVERITIES.has(text.trim().toLowerCase().replace(/[\s_-]+/g, ''))
}
