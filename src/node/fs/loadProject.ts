import { existsSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { ResolvedConfig, ShiplogConfig } from '../../core/config/types.ts'
import { ShiplogError } from '../../core/errors.ts'
import { messageAt } from '../../core/message/messageAt.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'
import type { TemplateManifest } from '../../core/template/types.ts'
import { findRecordFiles } from './findRecordFiles.ts'
import { isInside, projectFolder, realPathOf } from './pathRule.ts'
import { loadConfig } from './loadConfig.ts'
import { loadTemplates, manifestsOf, type LoadedTemplate } from './loadTemplates.ts'
import { recordCacheDir } from '../cache/recordCache.ts'
import { readRecords } from './readRecords.ts'
import { readRecordsCached, type ReadStats } from './readRecordsCached.ts'

export interface Project {
  /** Absolute path of the project folder. */
  root: string
  config: ResolvedConfig
  /** The configuration file's name, or null when defaults are used. */
  configFile: string | null
  templates: Map<string, LoadedTemplate>
  manifests: { [name: string]: TemplateManifest }
}

/** Opens a project: reads its configuration and templates. */
export async function loadProject(root: string, overrides: ShiplogConfig = {}): Promise<Project> {
  const absolute = resolve(root)
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new ShiplogError(`Unexpected --root ${root}: expected an existing folder`, 2)
  }
  const { config, file } = await loadConfig(absolute, overrides)
  const templates = loadTemplates(absolute, config.templates)
  return { root: absolute, config, configFile: file, templates, manifests: manifestsOf(templates) }
}

export interface LoadedRecords {
  records: ReleaseRecord[]
  /** Files skipped while listing (e.g. symbolic links leaving the releases folder). */
  skipped: Array<{ file: string; reason: string }>
}

/**
 * Reads the project's records: the given files (relative to `cwd`, or absolute), or every record
 * under the releases folder.
 */
export function loadRecords(project: Project, files: string[] = [], cwd: string = process.cwd()): LoadedRecords {
  const options = { templates: project.manifests, defaultTemplate: project.config.template }
  const listed = recordFilesOf(project, files, cwd)
  return { records: flagUnreadableTemplates(project, readRecords(project.root, listed.files, options)), skipped: listed.skipped }
}

export interface LoadRecordsFastOptions {
  /** The current folder that relative `files` are in. */
  cwd?: string
  /** Use the record cache (`.shiplog/cache/records`, or under `SHIPLOG_CACHE_DIR`); default true. Never when `SHIPLOG_NO_CACHE` is set. */
  cache?: boolean
  /** Worker threads to parse with (default: by the number of records to parse and of cores; `SHIPLOG_WORKERS`). */
  workers?: number
  /** Filled with what the read cost. */
  stats?: ReadStats
}

/**
 * `loadRecords` with the same results, faster (docs/decisions/0005): unchanged records come from
 * the record cache, the others are parsed in worker threads when there are many.
 */
export async function loadRecordsFast(project: Project, files: string[] = [], options: LoadRecordsFastOptions = {}): Promise<LoadedRecords> {
  const listed = recordFilesOf(project, files, options.cwd ?? process.cwd())
  const records = await readRecordsCached(
    project.root,
    listed.files,
    {
      templates: project.manifests,
      defaultTemplate: project.config.template,
      cacheDir: recordCacheDirOf(project, options.cache !== false),
      prune: files.length === 0,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
    },
    options.stats,
  )
  return { records: flagUnreadableTemplates(project, records), skipped: listed.skipped }
}

/** The record cache folder of the project, or null when the cache is off (`enabled` false, or `SHIPLOG_NO_CACHE` set). */
export function recordCacheDirOf(project: Project, enabled: boolean, env: { readonly [name: string]: string | undefined } = process.env): string | null {
  const off = env['SHIPLOG_NO_CACHE'] !== undefined && env['SHIPLOG_NO_CACHE'] !== '' && env['SHIPLOG_NO_CACHE'] !== '0'
  return enabled && !off ? recordCacheDir(project.root, env) : null
}

/**
 * The record files to read: the given files (relative to `cwd`, or absolute), or every record
 * under the releases folder. A given file is read only when its real path (pathRule.ts) lies
 * inside the releases folder: any other (a file elsewhere, a link leading out) is refused with a
 * ShiplogError (exit 2) before anything is read.
 */
function recordFilesOf(project: Project, files: string[], cwd: string): { files: string[]; skipped: LoadedRecords['skipped'] } {
  if (files.length === 0) return findRecordFiles(project.root, project.config.releases)
  const realReleases = projectFolder(project.root, project.config.releases, 'releases folder')
  const skipped: LoadedRecords['skipped'] = []
  const relativeFiles = files.flatMap((file) => {
    const absolute = isAbsolute(file) ? file : resolve(cwd, file)
    if (!existsSync(absolute)) throw new ShiplogError(`${file}: no such file`, 2)
    const real = realPathOf(absolute)
    if (real === null || !isInside(real, realReleases)) {
      throw new ShiplogError(
        `Unexpected ${file}: its real path ${real ?? '(a broken link)'} is outside the releases folder ${project.config.releases}/, expected a record file inside it: not read`,
        2,
      )
    }
    const rel = relative(project.root, absolute)
    const shown = rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split(sep).join('/')
    // A folder stands for the records under it, found as when listing the releases folder.
    if (statSync(absolute).isDirectory()) {
      const found = findRecordFiles(project.root, shown)
      skipped.push(...found.skipped)
      return found.files
    }
    return [shown]
  })
  return { files: [...new Set(relativeFiles)], skipped }
}

/**
 * A record whose template exists but whose manifest cannot be read would otherwise be read without
 * rules, so no gate would hold: its `unknown-template` warning becomes a `template-unreadable`
 * error naming the template's first problem.
 */
function flagUnreadableTemplates(project: Project, records: ReleaseRecord[]): ReleaseRecord[] {
  for (const record of records) {
    const index = record.problems.findIndex((problem) => problem.ruleId === 'unknown-template')
    const problem = record.problems[index]
    if (!problem) continue
    const template = [...project.templates.values()].find((t) => t.manifest === null && t.name.toLowerCase() === record.template.toLowerCase())
    if (!template) continue
    const cause = template.problems.find((p) => p.severity === 'error') ?? template.problems[0]
    const where = cause ? `${template.file}:${cause.line}:${cause.column}` : template.file
    record.problems[index] = messageAt(
      `Unexpected unreadable template \`${template.name}\` (${where}: ${cause?.reason ?? 'no manifest'}), expected a template whose manifest can be read; its gates are not applied until it is fixed (see shiplog check --templates)`,
      { file: problem.file, place: { line: problem.line, column: problem.column }, ruleId: 'template-unreadable' },
    )
  }
  return records
}
