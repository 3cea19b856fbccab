import { existsSync } from 'node:fs'
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { TemplateSource } from '../../core/check/templates/validateTemplate.ts'
import { ShiplogError } from '../../core/errors.ts'
import { readRegularFile } from '../../node/fs/readRegularFile.ts'
import { MAX_RECORD_SIZE } from '../../core/record/parseRecord.ts'
import { checkRecords } from '../../core/check/checkRecords.ts'
import { exitCode } from '../../core/check/exitCode.ts'
import { isCheckFormat, CHECK_FORMATS } from '../../core/check/format/index.ts'
import { loadProject, type Project } from '../../node/fs/loadProject.ts'
import { loadRecords } from '../../node/fs/loadRecords.ts'
import { withSkipped } from '../../node/fs/skippedRecords.ts'
import { GitError, listChangedFiles } from '../../node/git/listChangedFiles.ts'
import type { GlobalOptions } from '../globals.ts'
import { writeCheckReport } from '../writeCheckReport.ts'

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
  const project = await loadProject(globals.root)
  if (flags.templates) {
    const { checkTemplates } = await import('../../core/check/templates/checkTemplates.ts')
    const result = checkTemplates(await templatesToCheck(project, files, flags.changed))
    writeCheckReport(result, format, { color: globals.color, startedAt, rules: [], records: [] })
    return exitCode(result, maxWarnings === undefined ? {} : { maxWarnings })
  }
  const all = await loadRecords(project, files, { cache: flags.cache !== false })
  const allRecords = withSkipped(all, project.config.template)
  if (allRecords.length === 0 && !flags.allowEmpty) throw new ShiplogError(noRecordsMessage(project, globals), 2)
  let records = allRecords
  if (flags.changed !== undefined) {
    let changed: string[]
    try {
      changed = await listChangedFiles(project.root, flags.changed, project.config.releases)
    } catch (error) {
      if (error instanceof GitError) throw new ShiplogError(`--changed ${flags.changed}: ${error.message}`, 2)
      throw error
    }
    const wanted = new Set(changed)
    records = records.filter((record) => wanted.has(record.file))
  }
  const result = checkRecords(records, { manifests: project.manifests, allRecords })
  writeCheckReport(result, format, { color: globals.color, startedAt, records })
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
  if (files.length > 0) {
    return files.map((file) => {
      const absolute = resolve(process.cwd(), file)
      // A template renders into a record: a regular file no larger than one (a pipe or a device
      // is refused without being read).
      const read = readRegularFile(absolute, MAX_RECORD_SIZE)
      if (!read.ok) {
        const what = read.kind === 'unreadable' ? `unreadable file (${read.code ?? 'error'})` : read.kind === 'missing' ? 'missing file' : read.kind
        throw new ShiplogError(`Unexpected ${what}, expected a template file`, 2, { file })
      }
      if (read.bytes.length > MAX_RECORD_SIZE) throw new ShiplogError('Unexpected template of more than 1 MiB, expected at most 1 MiB (as much as a record may hold)', 2, { file })
      const source = Buffer.from(read.bytes).toString('utf8')
      const rel = relative(project.root, absolute)
      const display = rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split(sep).join('/')
      return { name: basename(absolute).replace(/\.md$/i, ''), file: display, source }
    })
  }
  let own = [...project.templates.values()].filter((template) => !template.file.startsWith('(bundled) '))
  if (own.length === 0) process.stderr.write(`No templates in ${project.config.templates}/ to check (shiplog's bundled templates are checked by its own tests)\n`)
  if (changed !== undefined) {
    let list: string[]
    try {
      list = await listChangedFiles(project.root, changed, project.config.templates)
    } catch (error) {
      if (error instanceof GitError) throw new ShiplogError(`--changed ${changed}: ${error.message}`, 2)
      throw error
    }
    const wanted = new Set(list)
    own = own.filter((template) => wanted.has(template.file))
  }
  return own.map(({ name, file, source }) => ({ name, file, source }))
}
