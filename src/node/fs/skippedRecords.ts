import { messageAt } from '../../core/message/messageAt.ts'
import { emptyRecord } from '../../core/record/emptyRecord.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'
import { NOT_A_FOLDER, type FoundFiles } from './findRecordFiles.ts'

/**
 * Files the listing skipped (a symbolic link leaving the releases folder, a broken link, a
 * loop, a pipe, a folder that cannot be read, a releases folder that is a file), as records with nothing read and one `file-skipped` error at line
 * 1, so that every command reports them like any other record it could not read.
 */
export function skippedRecords(skipped: FoundFiles['skipped'], defaultTemplate: string): ReleaseRecord[] {
  return skipped.map((skip) =>
    emptyRecord(skip.file, defaultTemplate, [
      messageAt(
        skip.reason === NOT_A_FOLDER
          ? `Unexpected ${skip.reason}, expected a folder of records: no record is read`
          : `Unexpected ${skip.reason}, expected a record file inside the releases folder: not read`,
        { place: { line: 1, column: 1 }, ruleId: 'file-skipped' },
      ),
    ]),
  )
}

/** The records and the skipped files' records, in file order. */
export function withSkipped(loaded: { records: ReleaseRecord[]; skipped: FoundFiles['skipped'] }, defaultTemplate: string): ReleaseRecord[] {
  if (loaded.skipped.length === 0) return loaded.records
  return [...loaded.records, ...skippedRecords(loaded.skipped, defaultTemplate)].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}
