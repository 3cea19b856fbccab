import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { GlobalOptions } from '../globals.ts'
import { untilInterrupted } from '../untilInterrupted.ts'
import { ShiplogError } from '../../errors.ts'
import { loadProject } from '../../fs/loadProject.ts'
import { previewSite } from '../../site/previewSite.ts'

export interface PreviewFlags {
  port?: string
  host?: string
}

/** A `--port` value: an integer from 0 to 65535. */
export function parsePort(value: string): number {
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) throw new ShiplogError(`Unexpected --port ${value}: expected a number from 0 to 65535`, 2)
  return port
}

/** `shiplog preview`: serves the built site (`site.outDir`) until interrupted, printing its address. */
export async function previewCommand(flags: PreviewFlags, globals: GlobalOptions): Promise<number> {
  const project = await loadProject(globals.root)
  const outDir = join(project.root, project.config.site.outDir)
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new ShiplogError(`no built site in ${relative(process.cwd(), outDir) || outDir}: run \`shiplog build\` first`, 1)
  }
  const port = flags.port === undefined ? 4173 : parsePort(flags.port)
  let server
  try {
    server = await previewSite(outDir, { port, base: project.config.site.base, ...(flags.host === undefined ? {} : { host: flags.host }) })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ShiplogError(`port ${port} is in use; choose another with --port`, 1)
    throw error
  }
  process.stderr.write(`serving ${relative(process.cwd(), outDir) || outDir}/ (Ctrl+C to stop)\n`)
  process.stdout.write(`${server.url}\n`)
  await untilInterrupted()
  await server.close()
  return 0
}
