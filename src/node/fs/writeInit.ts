import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import type { InitOutcome } from '../../core/init/formatInitReport.ts'
import type { PlannedFile } from '../../core/init/planInit.ts'
import { writeFileAtomic } from './writeFileAtomic.ts'

/**
 * Creates the planned files under `root`, each written atomically, and never replaces one: a file
 * already there (or created meanwhile) is reported `kept` and left byte for byte as it was.
 */
export function writeInit(root: string, files: readonly PlannedFile[]): InitOutcome[] {
  return files.map((file) => {
    const path = join(root, ...file.path.split('/'))
    const kept: InitOutcome = { path: file.path, outcome: 'kept', purpose: file.purpose }
    if (existsSync(path)) return kept
    try {
      // Never through a link that leads out of the folder being set up.
      writeFileAtomic(path, file.content, { overwrite: false, within: { root, folder: '.' } })
    } catch (error) {
      // writeFileAtomic refuses (with a ShiplogError) only when the file appeared in the meantime.
      if (error instanceof ShiplogError && existsSync(path)) return kept
      throw error
    }
    return { path: file.path, outcome: 'created', purpose: file.purpose }
  })
}
