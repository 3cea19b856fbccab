import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { resolveRecord } from '../../core/record/resolveRecord.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'
import { recordBodyOf } from '../../core/site/recordBodyOf.ts'
import type { Project } from './loadProject.ts'
import { loadRecords } from './loadRecords.ts'

export interface LoadedRecord {
  record: ReleaseRecord
  /** The record's Markdown body, from the very bytes it was parsed from (`recordBodyOf`); '' when they are not text. */
  body: string
}

export interface LoadRecordOptions {
  /** The folder a relative record path is in (default `process.cwd()`). */
  cwd?: string
  /** Use the record cache (default true). */
  cache?: boolean
}

/**
 * The one record a command names (`shiplog notes`, `show`): a record file (a path ending in `.md`
 * that exists, read under the path rule like every record), else `component@version` or a version
 * among the project's records (`resolveRecord`: none or several is a ShiplogError, exit 2).
 */
export async function loadRecord(project: Project, query: string, options: LoadRecordOptions = {}): Promise<LoadedRecord> {
  const cwd = options.cwd ?? process.cwd()
  const cache = options.cache !== false
  let file = query
  let fileCwd = cwd
  const path = isAbsolute(query) ? query : resolve(cwd, query)
  if (!(/\.md$/i.test(query) && existsSync(path))) {
    const { records } = await loadRecords(project, [], { cwd, cache })
    file = resolveRecord(records, query).file
    fileCwd = project.root
  }
  let bytes: Uint8Array | null = null
  const { records } = await loadRecords(project, [file], { cwd: fileCwd, cache, workers: false, onSource: (_, source) => (bytes = source) })
  const record = records[0] as ReleaseRecord
  return { record, body: bytes === null ? '' : (recordBodyOf(bytes) ?? '') }
}
