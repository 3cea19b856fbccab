import { localToday } from '../localToday.ts'
import { formatPromotion } from '../../core/lifecycle/formatPromotion.ts'
import { loadProject } from '../../node/fs/loadProject.ts'
import { promoteRecord } from '../../node/fs/promoteRecord.ts'
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
  const now = new Date()
  const { plan, file: shown } = await promoteRecord(project, file, {
    now,
    today: localToday(now, project.config.timezone),
    ...(status !== undefined ? { target: status } : {}),
    force: flags.force === true,
    dryRun: flags.dryRun === true,
    cache: flags.cache !== false,
  })
  process.stdout.write(formatPromotion(plan, shown, { dryRun: flags.dryRun === true, color: globals.color }))
  return plan.kind === 'blocked' ? 1 : 0
}
