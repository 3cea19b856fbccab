/**
 * The id of every check rule, in documentation order: the keys a configuration's `rules` may
 * set. The same list as `rules` in `rules/index.ts` (a test keeps them equal); kept apart so that
 * the configuration's type and schema name the ids without loading the rules.
 */
export const RULE_IDS = [
  'frontmatter-schema',
  'numeric-version',
  'template-choice',
  'unfilled-placeholder',
  'status-gate',
  'missing-group',
  'unknown-group',
  'signoff',
  'table-shape',
  'table-cell',
  'restored-before-deploy',
  'rollback-without-issue',
  'missing-deploy-time',
  'duplicate-release',
  'overdue-action-item',
  'implausible-date',
] as const

export type RuleId = (typeof RULE_IDS)[number]

/**
 * Rules whose every report is an error FORMAT.md requires (§3, §4): they are the release gate, so
 * a configuration may not turn them off or lower them to warnings (a configuration error).
 */
export const GATE_RULE_IDS: readonly RuleId[] = ['status-gate', 'missing-group', 'signoff']

/**
 * Rules that report both errors FORMAT.md requires and warnings: a setting changes or removes
 * their warnings only; their required errors stay errors.
 */
export const PARTLY_GATE_RULE_IDS: readonly RuleId[] = ['frontmatter-schema', 'unfilled-placeholder']
