import { resolve } from 'node:path'
import { readInitContext } from '../../node/fs/readInitContext.ts'
import { writeInit } from '../../node/fs/writeInit.ts'
import { formatInitReport } from '../../core/init/formatInitReport.ts'
import { planInit } from '../../core/init/planInit.ts'
import type { GlobalOptions } from '../globals.ts'

export interface InitFlags {
  ts?: boolean
  template?: string[]
}

/** `shiplog init [dir]`: sets shiplog up in an existing repository without touching what is there. */
export async function initCommand(dir: string | undefined, flags: InitFlags, globals: GlobalOptions): Promise<number> {
  // The folder given (or --root, or the current one): never a parent project found by walking up.
  const context = readInitContext(resolve(process.cwd(), dir ?? globals.rootOption ?? '.'))
  const plan = planInit({
    ts: flags.ts === true,
    templates: flags.template ?? [],
    bundled: context.bundled,
    folderName: context.folderName,
    configFile: context.configFile,
    packageJson: context.packageJson,
    gitignore: context.gitignore,
    shiplogVersion: context.shiplogVersion,
  })
  const outcomes = writeInit(context.root, plan.files)
  process.stdout.write(formatInitReport(plan, outcomes))
  return 0
}
