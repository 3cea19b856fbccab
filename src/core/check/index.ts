export { checkRecords, type CheckOptions } from './checkRecords.ts'
export { compareDiagnostics } from './compareDiagnostics.ts'
export { createChecker, type Checker } from './createChecker.ts'
export { exitCode, ExitCode, CheckUsageError, type ExitCodeOptions } from './exitCode.ts'
export {
  formatCheckResult,
  formatGithub,
  formatGitlab,
  formatJobSummary,
  formatJson,
  formatJunit,
  formatSarif,
  formatText,
  CHECK_RULES,
  ruleDocsUrl,
  CHECK_FORMATS,
  isCheckFormat,
  type CheckFormat,
  type TextOptions,
  type FormatOptions,
  type GitlabIssue,
  type GitlabSeverity,
  type JobSummaryOptions,
  type JunitOptions,
  type RuleInfo,
  type SarifOptions,
  type SummaryRecord,
} from './format/index.ts'
export { rules } from './rules/index.ts'
export type { RuleId } from './ruleIds.ts'
export type { RuleSetting, RuleSettings } from './ruleSetting.ts'
export { frontmatterSchema, REQUIRED_KEYS } from './frontmatterSchema.ts'
export { releaseJsonSchema, releaseJsonSchemaText, RELEASE_SCHEMA_PATH } from './releaseJsonSchema.ts'
export type { AcrossRecords, BadExample, CheckContext, CheckResult, CheckRule, ExampleInput, KeptFacts } from './types.ts'
