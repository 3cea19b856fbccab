// The public API of shiplog: `import { … } from 'shiplog'`. Every name is listed here on purpose
// (no `export *`), and test/architecture/publicApi.test.ts pins the list. The CLI is built on these
// names and no others: it imports each command's modules when the command runs (so that
// `shiplog --version` loads almost nothing), and the same test checks that every name it imports
// from the library is one of these. docs/architecture.md says where each lives.

// Configuration and the project
export { defineConfig, DEFAULT_CONFIG, resolveConfig, configJsonSchema, CONFIG_SCHEMA_PATH, type ResolvedConfig, type ShiplogConfig } from './core/config/index.ts'
export { loadConfig } from './node/fs/loadConfig.ts'
export { CONFIG_FILES } from './node/fs/configFileIn.ts'
export { loadProject, type LoadProjectOptions, type Project } from './node/fs/loadProject.ts'
export { loadProjects, type LoadedProjects, type RepositoryProject } from './node/fs/loadProjects.ts'
export { repositoryOf } from './core/config/repositoryOf.ts'
export { findProjectRoot } from './node/fs/findProjectRoot.ts'
export { shiplogVersion } from './node/fs/shiplogVersion.ts'

// Messages and errors: one message type with a place, one error base class
export { ShiplogMessage, messageAt, formatMessage, type MessageJson, type Place, type PlacedMessage, type Severity, type ShiplogMessageOptions } from './core/message/index.ts'
export { ShiplogError } from './core/errors.ts'
export { TemplateError } from './core/template/TemplateError.ts'
export { MetricsOptionError } from './core/metrics/MetricsOptionError.ts'
export { CheckUsageError } from './core/check/exitCode.ts'
export { GitError, ReadCommitsError, type GitErrorCode, type ReadCommitsErrorCode } from './node/git/index.ts'

// Records: reading (one path: cache and workers are options) and the record model
export { loadRecords, type LoadedRecords, type LoadRecordsOptions } from './node/fs/loadRecords.ts'
export { withSkipped } from './node/fs/skippedRecords.ts'
export { findRecordFiles } from './node/fs/findRecordFiles.ts'
export { isRecordFileName } from './core/record/isRecordFileName.ts'
export { parseRecord, MAX_RECORD_SIZE, type ParseRecordOptions } from './core/record/parseRecord.ts'
export type {
  Frontmatter,
  FrontmatterField,
  Group,
  GroupRole,
  Item,
  Placeholder,
  Point,
  ReleaseRecord,
  Stage,
  Table,
  TableCell,
  TableRow,
  YamlValue,
} from './core/record/types.ts'

// The lifecycle: statuses, what each requires, what is still open
export { STATUSES, LINEAR_STATUSES, isStatus, toStatus, nextStatus, requiredAt, openItemsAt, isGateRequired, type OpenItem, type Status } from './core/lifecycle/index.ts'

// Promotion (`shiplog promote`): the gate for the next status, then the new status written in place
export { planPromotion, type Promotion, type PromotionRequest } from './core/lifecycle/planPromotion.ts'
export { formatPromotion } from './core/lifecycle/formatPromotion.ts'
export { promoteRecord, type PromoteRecordOptions } from './node/fs/promoteRecord.ts'

// Progress (`shiplog status`)
export { computeProgress, formatStatusReport, type GroupProgress, type RecordProgress, type StageProgress } from './core/status/index.ts'
export type { ActionItemProgress, ProgressOptions } from './core/status/index.ts'

// Checks (`shiplog check`)
export { checkRecords, type CheckOptions } from './core/check/checkRecords.ts'
export { createChecker, type Checker } from './core/check/createChecker.ts'
export { exitCode, maxWarningsLine, ExitCode, type ExitCodeOptions } from './core/check/exitCode.ts'
export { errorsOnly } from './core/check/errorsOnly.ts'
export { rulesThatRun } from './core/check/rulesThatRun.ts'
export { formatJobSummary, type SummaryRecord } from './core/check/format/jobSummary.ts'
export type { RuleInfo } from './core/check/format/ruleInfo.ts'
export { formatCheckResult, CHECK_FORMATS, isCheckFormat, type CheckFormat } from './core/check/format/formatCheckResult.ts'
export { oneLine } from './core/check/format/sanitize.ts'
export { rules } from './core/check/rules/index.ts'
export type { RuleId } from './core/check/ruleIds.ts'
export type { RuleSetting, RuleSettings } from './core/check/ruleSetting.ts'
export { releaseJsonSchema, RELEASE_SCHEMA_PATH } from './core/check/releaseJsonSchema.ts'
export type { AcrossRecords, CheckContext, CheckResult, CheckRule, KeptFacts, RecordCheck } from './core/check/types.ts'

// Export (`shiplog export`): the records as data, schema `shiplog.export/1`
export { EXPORT_SCHEMA, type ExportChange, type ExportDeployment, type ExportIncident, type ExportRow } from './core/export/exportSchema.ts'
export { EXPORT_SCHEMA_PATH, exportJsonSchema } from './core/export/exportJsonSchema.ts'
export { EXPORT_COLUMNS } from './core/export/exportColumns.ts'
export { exportRowsOf } from './core/export/exportRowsOf.ts'
export { streamRecords, type StreamRecordsOptions } from './node/fs/streamRecords.ts'
export { checkProjectRecords, type CheckedProjectRecords, type CheckProjectRecordsOptions } from './node/check/checkProjectRecords.ts'
export { exportRecords, type ExportRecordsOptions, type ExportSummary } from './node/export/exportRecords.ts'
export { EXPORT_FORMATS, writeExport, type ExportFormat, type WriteExportOptions } from './node/export/writeExport.ts'
export type { DuckDbLoader, DuckDbModule } from './node/export/loadDuckDb.ts'
// Metrics (`shiplog metrics`)
export { computeMetrics } from './core/metrics/computeMetrics.ts'
export { createMetricsReader, type MetricsReader } from './core/metrics/createMetricsReader.ts'
export { createRepositoryMetricsReader, type RepositoryMetricsReader } from './core/metrics/createRepositoryMetricsReader.ts'
export {
  computeRepositoryMetrics,
  type RepositoryFigures,
  type RepositoryMetricsOptions,
  type RepositoryMetricsResult,
  type RepositoryRecords,
} from './core/metrics/computeRepositoryMetrics.ts'
export { formatRepositoryFigures } from './core/metrics/formatRepositoryFigures.ts'
export { inRepository } from './core/record/inRepository.ts'
export { formatMetricsReport, type FormatMetricsReportOptions } from './core/metrics/formatMetricsReport.ts'
export { DORA_TIERS, BENCHMARK_YEARS, LATEST_BENCHMARK } from './core/metrics/tiers/doraTiers.ts'
export type {
  BenchmarkReference,
  BenchmarkYear,
  ChangeFailureRate,
  DeploymentDuration,
  DeploymentFrequency,
  Evidence,
  Exclusion,
  ExclusionCode,
  Explanation,
  FigureExplanation,
  FigureName,
  Figures,
  FrequencyClass,
  LeadTime,
  MetricsOptions,
  MetricsResult,
  MetricsWindow,
  PeriodFigures,
  PeriodUnit,
  RecoveryTime,
  Series,
  SourceRef,
  Tier,
  TierRating,
  TierRatings,
} from './core/metrics/types.ts'
// Team targets (config `targets`, `metrics --fail-on-targets`)
export { parseTarget } from './core/metrics/targets/parseTarget.ts'
export { displayZone, formatDateTime, formatDay, type DisplayZone } from './shared/formatDate.ts'
export { TARGET_METRIC_NAMES } from './core/metrics/targets/targetMetrics.ts'
export type { ParsedTarget, TargetMetric, TargetOperator, TargetResult, TargetSettings, TargetUnit } from './core/metrics/targets/types.ts'

// Apache DevLake's incoming webhook (`shiplog export --devlake`)
export { devlakePayloads } from './core/devlake/devlakePayloads.ts'
export { devlakeEndpoint, type DevlakeEndpoint } from './core/devlake/devlakeEndpoint.ts'
export type { DevlakeDeployment, DevlakeDeploymentCommit, DevlakeExport, DevlakeExportOptions, DevlakeIncident, DevlakePayload, DevlakeSkip } from './core/devlake/types.ts'
export { postToDevlake, type DevlakeFailure, type PostToDevlakeOptions, type PostToDevlakeResult } from './node/devlake/postToDevlake.ts'

// Templates and new records (`shiplog new`, `shiplog templates`, `check --templates`)
export { renderTemplate, type RenderedTemplate, type RenderTemplateOptions } from './core/template/renderTemplate.ts'
export { parseManifest, type ParsedManifest } from './core/template/parseManifest.ts'
export { templateVariables } from './core/template/templateVariables.ts'
export type { GroupRule, TemplateManifest, TemplateTables, TemplateVariable } from './core/template/types.ts'
export { loadTemplates, manifestsOf, type LoadedTemplate } from './node/fs/loadTemplates.ts'
export { readTemplateFiles } from './node/fs/readTemplateFiles.ts'
export { validateTemplate, checkTemplates, listTemplates, formatTemplateList, templateOutline, BUILT_IN_VARIABLES } from './core/check/templates/index.ts'
export type { TemplateSource, TemplateSummary, ListedTemplate, TemplateOutline, OutlineKey } from './core/check/templates/index.ts'
export { planRecord, recordPath, parseSetFlags, parseValuesFile, type PlannedRecord, type PlanRecordOptions } from './core/new/index.ts'
export { resolveChoices } from './core/new/resolveChoices.ts'
export { unknownSetKeys } from './core/new/unknownSetKeys.ts'
export { readValuesFile } from './node/fs/readValuesFile.ts'
export { readCommits, listChangedFiles, readRevisions, type Commit, type ReadCommitsOptions } from './node/git/index.ts'

// Setting up a project (`shiplog init`)
export { planInit, formatInitReport, type InitPlan, type PlanInitOptions, type PlannedFile, type InitOutcome } from './core/init/index.ts'
export { readInitContext, type InitContext } from './node/fs/readInitContext.ts'
export { writeInit } from './node/fs/writeInit.ts'
export { writeFileAtomic } from './node/fs/writeFileAtomic.ts'
export { openInEditor, editorCommand } from './node/editor/openInEditor.ts'

// Release notes and changelogs (`shiplog notes`)
export { resolveRecord } from './core/record/resolveRecord.ts'
export { loadRecord, type LoadedRecord, type LoadRecordOptions } from './node/fs/loadRecord.ts'
export { releaseNotesOf, type ReleaseNotesOptions } from './core/notes/releaseNotesOf.ts'
export { formatReleaseNotes } from './core/notes/formatReleaseNotes.ts'
export { changelogEntryOf } from './core/notes/changelogEntryOf.ts'
export { insertChangelogEntry, CHANGELOG_HEADER } from './core/notes/insertChangelogEntry.ts'
export { writeChangelog, type WriteChangelogResult } from './node/fs/writeChangelog.ts'
export type { NotesChange, NotesSection, ReleaseNotes } from './core/notes/types.ts'

// One record in the terminal (`shiplog show`)
export { recordViewOf, type RecordViewOptions } from './core/show/recordViewOf.ts'
export { formatRecordView, type RecordViewFormatOptions } from './core/show/formatRecordView.ts'
export type { RecordView, ShownIssue, ShownSignoff, ShownTimelineRow } from './core/show/types.ts'

// The site (`shiplog build`, `dev`, `preview`)
export { buildSite, type BuildSiteOptions, type BuildSiteResult, type SiteProgress } from './node/site/buildSite.ts'
export { startDevServer, type DevEvent, type DevServer, type DevServerOptions } from './node/site/devServer.ts'
export { previewSite, type PreviewOptions, type PreviewServer } from './node/site/previewSite.ts'

// The feed and the calendar (the site's feed.xml and releases.ics, `shiplog calendar`)
export { atomFeedOf, releaseCalendarOf, calendarStatusOf, FEED_FILE, CALENDAR_FILE, type EventStatus, type FeedOptions, type RecordRevision } from './core/feed/index.ts'
