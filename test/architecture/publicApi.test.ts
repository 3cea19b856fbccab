import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import * as api from '../../src/index.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

// The public API is a deliberate list: adding or removing a name from src/index.ts is a change to
// this file too. The CLI is a thin layer over exactly that API: every name it imports from
// src/core, src/node or src/shared must be one src/index.ts exports (the same declaration).

/** Every value `import { … } from 'shiplog'` gives, in code-unit order. */
const VALUES = [
    'BENCHMARK_YEARS', 'BUILT_IN_VARIABLES', 'CALENDAR_FILE', 'CHANGELOG_HEADER', 'CHECK_FORMATS',
    'CONFIG_FILES', 'CONFIG_SCHEMA_PATH', 'CheckUsageError', 'DEFAULT_CONFIG', 'DORA_TIERS', 'EXPORT_COLUMNS',
    'EXPORT_FORMATS', 'EXPORT_SCHEMA', 'EXPORT_SCHEMA_PATH', 'ExitCode', 'FEED_FILE', 'GitError',
    'LATEST_BENCHMARK', 'LINEAR_STATUSES', 'MAX_RECORD_SIZE', 'MetricsOptionError', 'RELEASE_SCHEMA_PATH',
    'ReadCommitsError', 'STATUSES', 'ShiplogError', 'ShiplogMessage', 'TARGET_METRIC_NAMES', 'TemplateError',
    'atomFeedOf', 'buildSite', 'calendarStatusOf', 'changelogEntryOf', 'checkProjectRecords', 'checkRecords', 'checkTemplates',
    'computeMetrics', 'computeProgress', 'computeRepositoryMetrics', 'configJsonSchema', 'createChecker',
    'createMetricsReader', 'createRepositoryMetricsReader', 'defineConfig', 'devlakeEndpoint',
    'devlakePayloads', 'displayZone', 'editorCommand', 'errorsOnly', 'exitCode', 'exportJsonSchema',
    'exportRecords', 'exportRowsOf', 'findProjectRoot', 'findRecordFiles', 'formatCheckResult',
    'formatDateTime', 'formatDay', 'formatInitReport', 'formatJobSummary', 'formatMessage',
    'formatMetricsReport', 'formatPromotion', 'formatRecordView', 'formatReleaseNotes',
    'formatRepositoryFigures', 'formatStatusReport', 'formatTemplateList', 'inRepository',
    'insertChangelogEntry', 'isCheckFormat', 'isGateRequired', 'isRecordFileName', 'isStatus',
    'listChangedFiles', 'listTemplates', 'loadConfig', 'loadProject', 'loadProjects', 'loadRecord',
    'loadRecords', 'loadTemplates', 'manifestsOf', 'maxWarningsLine', 'messageAt', 'nextStatus', 'oneLine',
    'openInEditor', 'openItemsAt', 'parseManifest', 'parseRecord', 'parseSetFlags', 'parseTarget',
    'parseValuesFile', 'planInit', 'planPromotion', 'planRecord', 'postToDevlake', 'previewSite',
    'promoteRecord', 'readCommits', 'readInitContext', 'readRevisions', 'readTemplateFiles', 'readValuesFile',
    'recordPath', 'recordViewOf', 'releaseCalendarOf', 'releaseJsonSchema', 'releaseNotesOf',
    'renderTemplate', 'repositoryOf', 'requiredAt', 'resolveChoices', 'resolveConfig', 'resolveRecord',
    'rules', 'rulesThatRun', 'shiplogVersion', 'startDevServer', 'streamRecords', 'templateOutline',
    'templateVariables', 'toStatus', 'unknownSetKeys', 'validateTemplate', 'withSkipped', 'writeChangelog',
    'writeExport', 'writeFileAtomic', 'writeInit',
]

/** Every type-only export, in code-unit order. */
const TYPES = [
    'AcrossRecords', 'ActionItemProgress', 'BenchmarkReference', 'BenchmarkYear', 'BuildSiteOptions',
    'BuildSiteResult', 'ChangeFailureRate', 'CheckContext', 'CheckFormat', 'CheckOptions', 'CheckProjectRecordsOptions', 'CheckResult',
    'CheckRule', 'CheckedProjectRecords', 'Checker', 'Commit', 'DeploymentDuration', 'DeploymentFrequency', 'DevEvent', 'DevServer',
    'DevServerOptions', 'DevlakeDeployment', 'DevlakeDeploymentCommit', 'DevlakeEndpoint', 'DevlakeExport',
    'DevlakeExportOptions', 'DevlakeFailure', 'DevlakeIncident', 'DevlakePayload', 'DevlakeSkip',
    'DisplayZone', 'DuckDbLoader', 'DuckDbModule', 'EventStatus', 'Evidence', 'Exclusion', 'ExclusionCode',
    'ExitCodeOptions', 'Explanation', 'ExportChange', 'ExportDeployment', 'ExportFormat', 'ExportIncident',
    'ExportRecordsOptions', 'ExportRow', 'ExportSummary', 'FeedOptions', 'FigureExplanation', 'FigureName',
    'Figures', 'FormatMetricsReportOptions', 'FrequencyClass', 'Frontmatter', 'FrontmatterField',
    'GitErrorCode', 'Group', 'GroupProgress', 'GroupRole', 'GroupRule', 'InitContext', 'InitOutcome',
    'InitPlan', 'Item', 'KeptFacts', 'LeadTime', 'ListedTemplate', 'LoadProjectOptions', 'LoadRecordOptions', 'LoadRecordsOptions',
    'LoadedProjects', 'LoadedRecord', 'LoadedRecords', 'LoadedTemplate', 'MessageJson', 'MetricsOptions',
    'MetricsReader', 'MetricsResult', 'MetricsWindow', 'NotesChange', 'NotesSection', 'OpenItem',
    'OutlineKey', 'ParseRecordOptions', 'ParsedManifest', 'ParsedTarget', 'PeriodFigures', 'PeriodUnit',
    'Place', 'PlacedMessage', 'Placeholder', 'PlanInitOptions', 'PlanRecordOptions', 'PlannedFile',
    'PlannedRecord', 'Point', 'PostToDevlakeOptions', 'PostToDevlakeResult', 'PreviewOptions',
    'PreviewServer', 'ProgressOptions', 'Project', 'PromoteRecordOptions', 'Promotion', 'PromotionRequest',
    'ReadCommitsErrorCode', 'ReadCommitsOptions', 'RecordCheck', 'RecordProgress', 'RecordRevision', 'RecordView',
    'RecordViewFormatOptions', 'RecordViewOptions', 'RecoveryTime', 'ReleaseNotes', 'ReleaseNotesOptions',
    'ReleaseRecord', 'RenderTemplateOptions', 'RenderedTemplate', 'RepositoryFigures',
    'RepositoryMetricsOptions', 'RepositoryMetricsReader', 'RepositoryMetricsResult', 'RepositoryProject',
    'RepositoryRecords', 'ResolvedConfig', 'RuleId', 'RuleInfo', 'RuleSetting', 'RuleSettings', 'Series',
    'Severity', 'ShiplogConfig', 'ShiplogMessageOptions', 'ShownIssue', 'ShownSignoff', 'ShownTimelineRow',
    'SiteProgress', 'SourceRef', 'Stage', 'StageProgress', 'Status', 'StreamRecordsOptions', 'SummaryRecord',
    'Table', 'TableCell', 'TableRow', 'TargetMetric', 'TargetOperator', 'TargetResult', 'TargetSettings',
    'TargetUnit', 'TemplateManifest', 'TemplateOutline', 'TemplateSource', 'TemplateSummary',
    'TemplateTables', 'TemplateVariable', 'Tier', 'TierRating', 'TierRatings', 'WriteChangelogResult',
    'WriteExportOptions', 'YamlValue',
]

/** A TypeScript program over src/index.ts and the CLI, for resolving what each import names. */
function program(): { checker: ts.TypeChecker; program: ts.Program; cliFiles: string[] } {
  const cliFiles = readdirSync(join(REPO_ROOT, 'src/cli'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
  const created = ts.createProgram([join(REPO_ROOT, 'src/index.ts'), ...cliFiles], {
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
  })
  return { checker: created.getTypeChecker(), program: created, cliFiles }
}

/** `name@file` of the declaration a symbol stands for, aliases followed. */
function declarationOf(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
  const declaration = target.declarations?.[0]
  return `${target.name}@${declaration ? relative(REPO_ROOT, declaration.getSourceFile().fileName) : '?'}`
}

describe('the public API (src/index.ts)', () => {
  const { checker, program: created, cliFiles } = program()
  const index = created.getSourceFile(join(REPO_ROOT, 'src/index.ts')) as ts.SourceFile
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(index) as ts.Symbol)

  it('should list its names one by one, never re-exporting a whole module', () => {
    expect(readFileSync(join(REPO_ROOT, 'src/index.ts'), 'utf8')).not.toMatch(/^export\s+(type\s+)?\*/m)
  })

  it('should give exactly the listed values at run time', () => {
    expect(Object.keys(api).sort()).toEqual(VALUES)
  })

  it('should export exactly the listed types', () => {
    const types = exported
      .filter((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
        return (target.flags & ts.SymbolFlags.Value) === 0
      })
      .map((symbol) => symbol.name)
      .sort()
    expect(types).toEqual(TYPES)
  })

  it('should include what the architecture names: the one read path, the lifecycle, the message type and the site', () => {
    for (const name of ['loadRecords', 'promoteRecord', 'toStatus', 'requiredAt', 'openItemsAt', 'nextStatus', 'ShiplogMessage', 'ShiplogError', 'buildSite', 'startDevServer', 'previewSite', 'defineConfig', 'parseRecord']) {
      expect(VALUES).toContain(name)
    }
    for (const internal of ['median', 'percentile', 'sparkline', 'splitPeriods', 'computeFigures', 'readTimeline', 'formatJunit', 'compareDiagnostics']) {
      expect(VALUES).not.toContain(internal)
    }
  })

  it('should be all the CLI takes from the library', () => {
    const publicDeclarations = new Set(exported.map((symbol) => declarationOf(checker, symbol)))
    const libraryRoots = ['core', 'node', 'shared'].map((layer) => join(REPO_ROOT, 'src', layer) + '/')
    const imported: string[] = []
    for (const file of cliFiles) {
      const source = created.getSourceFile(file) as ts.SourceFile
      const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
          const target = resolve(dirname(file), node.moduleSpecifier.text)
          const bindings = node.importClause?.namedBindings
          if (libraryRoots.some((root) => target.startsWith(root))) {
            expect(bindings === undefined || ts.isNamedImports(bindings), `${relative(REPO_ROOT, file)} imports a whole module`).toBe(true)
            if (bindings && ts.isNamedImports(bindings)) {
              for (const element of bindings.elements) {
                imported.push(`${relative(REPO_ROOT, file)}: ${declarationOf(checker, checker.getSymbolAtLocation(element.name) as ts.Symbol)}`)
              }
            }
          }
        }
        // `const { name } = await import('…')`: the names destructured from a library module.
        if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer) {
          const call = ts.isAwaitExpression(node.initializer) ? node.initializer.expression : node.initializer
          if (ts.isCallExpression(call) && call.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(call.arguments[0] as ts.Expression)) {
            const target = resolve(dirname(file), (call.arguments[0] as ts.StringLiteral).text)
            if (libraryRoots.some((root) => target.startsWith(root))) {
              const module = created.getSourceFile(target) as ts.SourceFile
              const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(module) as ts.Symbol)
              for (const element of node.name.elements) {
                const name = ((element.propertyName ?? element.name) as ts.Identifier).text
                const symbol = exports.find((candidate) => candidate.name === name) as ts.Symbol
                imported.push(`${relative(REPO_ROOT, file)}: ${declarationOf(checker, symbol)}`)
              }
            }
          }
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
    expect(imported.length).toBeGreaterThan(30)
    expect(imported.filter((entry) => !publicDeclarations.has(entry.slice(entry.indexOf(': ') + 2)))).toEqual([])
  })
})
