import { existsSync } from 'node:fs'
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { TemplateSource } from '../../core/check/templates/validateTemplate.ts'
import { ShiplogError } from '../../core/errors.ts'
import { readTemplateFiles } from '../../node/fs/readTemplateFiles.ts'
import type { SummaryRecord } from '../../core/check/format/jobSummary.ts'
import { errorsOnly } from '../../core/check/errorsOnly.ts'
import { exitCode, maxWarningsLine } from '../../core/check/exitCode.ts'
import type { CheckResult } from '../../core/check/types.ts'
import { isCheckFormat, CHECK_FORMATS, type CheckFormat } from '../../core/check/format/index.ts'
import { rulesThatRun } from '../../core/check/rulesThatRun.ts'
import type { RuleInfo } from '../../core/check/format/ruleInfo.ts'
import { loadProject, type Project } from '../../node/fs/loadProject.ts'
import { checkProjectRecords } from '../../node/check/checkProjectRecords.ts'
import { GitError, listChangedFiles } from '../../node/git/listChangedFiles.ts'
import type { GlobalOptions } from '../globals.ts'
import { localToday } from '../localToday.ts'
import { jobSummaryFile, writeCheckReport } from '../writeCheckReport.ts'

export interface CheckFlags {
  format?: string
  changed?: string
  maxWarnings?: string
  /** Check templates (the files given, or the project's templates folder) instead of records. */
  templates?: boolean
  /** False with `--no-cache`: parse every record, neither reading nor writing the record cache. */
  cache?: boolean
  /** Pass when the project has no record files at all (by default an error: nothing would be checked). */
  allowEmpty?: boolean
  /** Print errors only; warnings still count against `--max-warnings` (as in ESLint). */
  quiet?: boolean
}

/**
 * `shiplog check [files…]`: validates records (or, with `--templates`, templates); exit 0 clean,
 * 1 errors, 2 usage or configuration error — finding no record file at all is one, unless
 * `--allow-empty` (`--changed` selecting none of the records there are is not).
 */
export async function checkCommand(files: string[], flags: CheckFlags, globals: GlobalOptions): Promise<number> {
  const startedAt = performance.now()
  const format = flags.format ?? 'text'
  if (!isCheckFormat(format)) {
    throw new ShiplogError(`Unexpected --format ${JSON.stringify(format)}: expected one of ${CHECK_FORMATS.join(', ')}`, 2)
  }
  let maxWarnings: number | undefined
  if (flags.maxWarnings !== undefined) {
    maxWarnings = Number(flags.maxWarnings)
    if (!/^\d+$/.test(flags.maxWarnings) || !Number.isSafeInteger(maxWarnings)) {
      throw new ShiplogError(`Unexpected --max-warnings ${JSON.stringify(flags.maxWarnings)}: expected a whole number ≥ 0`, 2)
    }
  }
  // The templates' manifests are cached with the records (not for `--templates`, which reads them itself).
  const project = await loadProject(globals.root, {}, { cache: flags.cache !== false && flags.templates !== true })
  if (flags.templates) {
    const { checkTemplates } = await import('../../core/check/templates/checkTemplates.ts')
    const result = checkTemplates(await templatesToCheck(project, files, flags.changed))
    return report(result, format, { flags, maxWarnings, globals, startedAt, summaryRows: [], rules: [] })
  }
  // With --changed, every record is read (rules across records compare with them) and only the
  // changed ones are reported on.
  const wanted = flags.changed === undefined ? null : await changedSince(project, flags.changed, project.config.releases)
  const now = new Date()
  const today = localToday(now, project.config.timezone ?? undefined)
  const { result, summaryRows, read } = await checkProjectRecords(project, files, { now, today, wanted, summary: jobSummaryFile() !== null, cache: flags.cache !== false })
  if (read === 0 && !flags.allowEmpty) throw new ShiplogError(noRecordsMessage(project, globals), 2)
  return report(result, format, { flags, maxWarnings, globals, startedAt, summaryRows, rules: rulesThatRun(project.config.rules) })
}

/**
 * Prints a result (errors only with `--quiet`) and, when `--max-warnings` is exceeded, says so:
 * in the text output, on stderr for machine formats. The exit code counts every warning.
 */
function report(
  result: CheckResult,
  format: CheckFormat,
  context: { flags: CheckFlags; maxWarnings: number | undefined; globals: GlobalOptions; startedAt: number; summaryRows: readonly SummaryRecord[]; rules: readonly RuleInfo[] },
): number {
  const { flags, maxWarnings, globals } = context
  writeCheckReport(flags.quiet ? errorsOnly(result) : result, format, { color: globals.color, startedAt: context.startedAt, summaryRows: context.summaryRows, rules: context.rules })
  const exceeded = maxWarningsLine(result, maxWarnings)
  if (exceeded !== null) (format === 'text' ? process.stdout : process.stderr).write(`${exceeded}\n`)
  return exitCode(result, maxWarnings === undefined ? {} : { maxWarnings })
}

/**
 * Why a check that found no record file at all fails: a CI job run in the wrong folder, or with a
 * wrong `releases` setting, would otherwise pass while checking nothing. Names where it looked.
 */
function noRecordsMessage(project: Project, globals: GlobalOptions): string {
  const folder = resolve(project.root, project.config.releases)
  const state = existsSync(folder) ? 'the folder has none' : 'the folder is missing'
  const config =
    project.configFile !== null
      ? `config ${join(project.root, project.configFile)}`
      : `no shiplog.config.* in it${globals.rootOption === null ? ' or any folder above' : ''}, defaults used`
  return `Unexpected project without records: no record files under ${folder} (${state}; project root ${project.root}, ${config}), expected at least one record: run shiplog from the project, pass --root, or pass --allow-empty when no records is expected`
}

/**
 * The templates `check --templates` validates: the files given (relative to the current folder),
 * else the project's own templates (bundled ones only when the project is shiplog itself), only
 * those changed since `changed` when given.
 */
async function templatesToCheck(project: Project, files: string[], changed: string | undefined): Promise<TemplateSource[]> {
  if (files.length > 0) return readTemplateFiles(project.root, files, process.cwd())
  let own = [...project.templates.values()].filter((template) => !template.file.startsWith('(bundled) '))
  if (own.length === 0) process.stderr.write(`No templates in ${project.config.templates}/ to check (shiplog's bundled templates are checked by its own tests)\n`)
  if (changed !== undefined) {
    const wanted = await changedSince(project, changed, project.config.templates)
    own = own.filter((template) => wanted.has(template.file))
  }
  return own.map(({ name, file, source }) => ({ name, file, source }))
}

/** The files under `folder` changed since `ref` (`--changed`); a git failure is a usage error naming the flag. */
async function changedSince(project: Project, ref: string, folder: string): Promise<Set<string>> {
  try {
    return new Set(await listChangedFiles(project.root, ref, folder))
  } catch (error) {
    if (error instanceof GitError) throw new ShiplogError(`--changed ${ref}: ${error.message}`, 2)
    throw error
  }
}
