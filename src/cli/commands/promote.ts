import { statSync } from 'node:fs'
import { basename, isAbsolute, resolve } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import { formatPromotion } from '../../core/lifecycle/formatPromotion.ts'
import { planPromotion } from '../../core/lifecycle/planPromotion.ts'
import { MAX_RECORD_SIZE } from '../../core/record/parseRecord.ts'
import { isRecordFileName } from '../../core/record/isRecordFileName.ts'
import { loadProject, loadRecords, loadRecordsFast } from '../../node/fs/loadProject.ts'
import { readRegularFile } from '../../node/fs/readRegularFile.ts'
import { writeFileAtomic } from '../../node/fs/writeFileAtomic.ts'
import type { GlobalOptions } from '../globals.ts'

export interface PromoteFlags {
  dryRun?: boolean
  force?: boolean
  /** False with `--no-cache`. */
  cache?: boolean
}

/**
 * `shiplog promote <record> [status]`: moves a record to `status` (default: the next one) when
 * `check` passes at that status, rewriting only the status value; else lists what is left.
 * Exit 0 promoted (or already there), 1 blocked by the gate, 2 refused (nothing written).
 */
export async function promoteCommand(file: string, status: string | undefined, flags: PromoteFlags, globals: GlobalOptions): Promise<number> {
  const project = await loadProject(globals.root)
  const absolute = isAbsolute(file) ? file : resolve(process.cwd(), file)
  const stats = statSync(absolute, { throwIfNoEntry: false })
  if (stats?.isDirectory()) throw new ShiplogError(`Unexpected folder ${file}, expected one record file`, 2)
  // The path rule: a record whose real path lies outside the releases folder is refused (exit 2).
  const loaded = loadRecords(project, [file])
  const record = loaded.records[0]
  if (!record || loaded.records.length !== 1 || !isRecordFileName(basename(absolute))) {
    throw new ShiplogError(`Unexpected ${file}, expected a record file (.md) inside ${project.config.releases}/`, 2)
  }
  const read = readRegularFile(absolute, MAX_RECORD_SIZE)
  if (!read.ok) throw new ShiplogError(`${file}: Unexpected ${read.kind === 'unreadable' ? `unreadable file (${read.code ?? 'error'})` : read.kind}, expected a record file`, 2)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(read.bytes)
  } catch {
    throw new ShiplogError(`${record.file}: Unexpected invalid UTF-8, expected UTF-8 text: the status is not changed`, 2)
  }
  const all = await loadRecordsFast(project, [], { cache: flags.cache !== false })
  const plan = planPromotion({
    text,
    file: record.file,
    ...(status !== undefined ? { target: status } : {}),
    force: flags.force === true,
    manifests: project.manifests,
    defaultTemplate: project.config.template,
    others: all.records,
  })
  if (plan.kind === 'refused') throw new ShiplogError(plan.message, 2)
  if (plan.kind === 'promoted' && !flags.dryRun) {
    writeFileAtomic(absolute, plan.text, { overwrite: true, within: { root: project.root, folder: project.config.releases } })
  }
  process.stdout.write(formatPromotion(plan, record.file, { dryRun: flags.dryRun === true, color: globals.color }))
  return plan.kind === 'blocked' ? 1 : 0
}
