import type { GlobalOptions } from '../globals.ts'
import { untilInterrupted } from '../untilInterrupted.ts'
import { useColor } from '../globals.ts'
import { createColors } from 'picocolors'
import { ShiplogError } from '../../errors.ts'
import { loadProject } from '../../fs/loadProject.ts'
import { startDevServer } from '../../site/devServer.ts'
import { parsePort } from './preview.ts'

export interface DevFlags {
  port?: string
  host?: string
}

/** `shiplog dev`: serves the site and updates it as records and templates change. Runs until interrupted. */
export async function devCommand(flags: DevFlags, globals: GlobalOptions): Promise<number> {
  const project = await loadProject(globals.root)
  const c = createColors(useColor(process.stderr, globals.color))
  const port = flags.port === undefined ? undefined : parsePort(flags.port)
  let server
  try {
    server = await startDevServer(project, {
      ...(port === undefined ? {} : { port }),
      ...(flags.host === undefined ? {} : { host: flags.host }),
      onEvent(event) {
        switch (event.type) {
          case 'ready':
            process.stderr.write(`serving ${event.records} record${event.records === 1 ? '' : 's'}; watching ${project.config.releases}/ and ${project.config.templates}/ (Ctrl+C to stop)\n`)
            return
          case 'update':
            process.stderr.write(
              `${c.dim(new Date().toLocaleTimeString())} ${event.reloadedTemplates ? 'templates changed, re-read every record' : `updated ${event.changed.join(', ')}`} (${event.written} file${event.written === 1 ? '' : 's'} written)\n`,
            )
            return
          case 'error':
            process.stderr.write(`${c.red('error')} ${event.message}\n`)
            return
          case 'log':
            if (event.level !== 'info' || globals.verbose) process.stderr.write(`${event.message}\n`)
        }
      },
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new ShiplogError(`port ${port ?? 5173} is in use; choose another with --port`, 1)
    throw error
  }
  process.stdout.write(`${server.url}\n`)
  await untilInterrupted()
  await server.close()
  return 0
}
