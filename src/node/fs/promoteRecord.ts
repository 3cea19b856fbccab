import { statSync } from 'node:fs'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import { planPromotion, type Promotion } from '../../core/lifecycle/planPromotion.ts'
import { isRecordFileName } from '../../core/record/isRecordFileName.ts'
import type { Project } from './loadProject.ts'
import { loadRecords } from './loadRecords.ts'
import { writeFileAtomic } from './writeFileAtomic.ts'

export interface PromoteRecordOptions {
  /** The status to move to; default: the next one (`nextStatus`). */
  target?: string
  /** Allow a move back (an earlier status, or out of an end state); the gate still runs. */
  force?: boolean
  /** Plan and report without writing. */
  dryRun?: boolean
  /** Use the record cache for the other records (default true). */
  cache?: boolean
  /** The folder a relative `file` is in (default: the current folder). */
  cwd?: string
  /** The clock and today's date for the gate's date rules, as `check` takes them (the CLI passes its own). */
  now?: Date
  today?: string
}

/**
 * `shiplog promote`: reads `file` (one record inside the releases folder, under the path rule),
 * plans its move to the target status with `planPromotion` (the gate is `check` at that status,
 * against every other record for duplicates) and, when it passes and this is no dry run, writes the
 * new status value in place, atomically. A refusal (not a record, unreadable, unknown status, a
 * move back without `force`) is a ShiplogError with exit code 2 and writes nothing.
 */
export async function promoteRecord(project: Project, file: string, options: PromoteRecordOptions = {}): Promise<{ plan: Exclude<Promotion, { kind: 'refused' }>; file: string }> {
  const cwd = options.cwd ?? process.cwd()
  const absolute = isAbsolute(file) ? file : resolve(cwd, file)
  if (statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) throw new ShiplogError(`Unexpected folder ${file}, expected one record file`, 2)
  let bytes: Uint8Array | undefined
  // The path rule: a record whose real path lies outside the releases folder is refused (exit 2).
  const loaded = await loadRecords(project, [file], { cwd, cache: false, workers: false, onSource: (_, source) => (bytes = source) })
  const record = loaded.records[0]
  if (!record || loaded.records.length !== 1 || !isRecordFileName(basename(absolute))) {
    throw new ShiplogError(`Unexpected ${file}, expected a record file (.md) inside ${project.config.releases}/`, 2)
  }
  if (bytes === undefined) throw new ShiplogError(`${record.file}: ${record.problems[0]?.reason ?? 'Unexpected unreadable file'}: the status is not changed`, 2)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new ShiplogError(`${record.file}: Unexpected invalid UTF-8, expected UTF-8 text: the status is not changed`, 2)
  }
  const all = await loadRecords(project, [], { cache: options.cache !== false })
  const plan = planPromotion({
    text,
    file: record.file,
    ...(options.target !== undefined ? { target: options.target } : {}),
    force: options.force === true,
    manifests: project.manifests,
    defaultTemplate: project.config.template,
    others: all.records,
    ...(options.now ? { now: options.now } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(project.config.timezone ? { timeZone: project.config.timezone } : {}),
  })
  if (plan.kind === 'refused') throw new ShiplogError(plan.message, 2)
  if (plan.kind === 'promoted' && options.dryRun !== true) {
    writeFileAtomic(isAbsolute(record.file) ? record.file : join(project.root, record.file), plan.text, {
      overwrite: true,
      within: { root: project.root, folder: project.config.releases },
      // An edit saved while the gate ran is kept: the write is refused and says so.
      unchanged: bytes,
    })
  }
  return { plan, file: record.file }
}
