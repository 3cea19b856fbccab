import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { GlobalOptions } from '../globals.ts'
import { untilInterrupted } from '../untilInterrupted.ts'
import { ShiplogError } from '../../core/errors.ts'
import { loadProject } from '../../node/fs/loadProject.ts'
import { previewSite } from '../../node/site/previewSite.ts'
import { checkListenAddress, listenError, parseListenFlags } from '../listenAddress.ts'

export interface PreviewFlags {
  port?: string
  host?: string
}

/** The port `preview` listens on when `--port` is not given. */
const DEFAULT_PORT = 4173

/** `shiplog preview`: serves the built site (`site.outDir`) until interrupted, printing its address. */
export async function previewCommand(flags: PreviewFlags, globals: GlobalOptions): Promise<number> {
  const { host, port: given } = parseListenFlags(flags)
  const port = given ?? DEFAULT_PORT
  const project = await loadProject(globals.root)
  const outDir = join(project.root, project.config.site.outDir)
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new ShiplogError(`no built site in ${relative(process.cwd(), outDir) || outDir}: run \`shiplog build\` first`, 1)
  }
  await checkListenAddress(host, port)
  let server
  try {
    server = await previewSite(outDir, { port, host, base: project.config.site.base })
  } catch (error) {
    throw listenError(error, host, port)
  }
  process.stderr.write(`serving ${relative(process.cwd(), outDir) || outDir}/ (Ctrl+C to stop)\n`)
  process.stdout.write(`${server.url}\n`)
  await untilInterrupted()
  await server.close()
  return 0
}
