import { ShiplogError } from '../../core/errors.ts'
import type { GlobalOptions } from '../globals.ts'

export interface ExportFlags {
  devlake?: string
  dryRun?: boolean
  repoUrl?: string
  cache?: boolean
}

/** `shiplog export`: the records as data for other engines. */
export async function exportCommand(flags: ExportFlags, globals: GlobalOptions): Promise<number> {
  if (flags.devlake === undefined) {
    throw new ShiplogError('Unexpected `shiplog export` without a destination: expected --devlake <webhook-url>', 2)
  }
  const { exportDevlake } = await import('./exportDevlake.ts')
  return exportDevlake({ ...flags, devlake: flags.devlake }, globals)
}
