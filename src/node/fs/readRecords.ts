import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { messageAt } from '../../core/message/messageAt.ts'
import { emptyRecord } from '../../core/record/emptyRecord.ts'
import { MAX_RECORD_SIZE, parseRecord } from '../../core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'
import type { TemplateManifest } from '../../core/template/types.ts'

/** Records larger than this (1 MiB) are reported, not read. */
export const MAX_RECORD_BYTES = MAX_RECORD_SIZE

/** Reads and parses record files (paths relative to `root`, with `/`). */
export function readRecords(
  root: string,
  files: string[],
  options: { templates: { [name: string]: TemplateManifest }; defaultTemplate: string },
): ReleaseRecord[] {
  return files.map((file) => readRecord(root, file, options))
}

function readRecord(
  root: string,
  file: string,
  options: { templates: { [name: string]: TemplateManifest }; defaultTemplate: string },
): ReleaseRecord {
  const path = isAbsolute(file) ? file : join(root, file)
  let bytes: Uint8Array
  try {
    const stat = statSync(path)
    if (!stat.isFile()) {
      const kind = stat.isDirectory() ? 'folder' : 'special file (a device, pipe or socket)'
      return problemRecord(file, options.defaultTemplate, 'file-read', `Unexpected ${kind}, expected a record file`)
    }
    const size = stat.size
    if (size > MAX_RECORD_BYTES) {
      return problemRecord(file, options.defaultTemplate, 'file-size', `Unexpected record of ${(size / 1048576).toFixed(1)} MiB, expected at most 1 MiB: the record is not read`)
    }
    bytes = readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    return problemRecord(file, options.defaultTemplate, 'file-read', `Could not read the file (${code})`)
  }
  return parseRecord(bytes, { file, templates: options.templates, defaultTemplate: options.defaultTemplate })
}

function problemRecord(file: string, template: string, rule: string, message: string): ReleaseRecord {
  return emptyRecord(file, template, [messageAt(message, { place: { line: 1, column: 1 }, ruleId: rule })])
}
