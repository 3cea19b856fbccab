import type { GlobalOptions } from '../globals.ts'
import { untilInterrupted } from '../untilInterrupted.ts'
import { useColor } from '../globals.ts'
import { createColors } from 'picocolors'
import { loadProject } from '../../node/fs/loadProject.ts'
import { startDevServer } from '../../node/site/devServer.ts'
import { checkListenAddress, listenError, parseListenFlags } from '../listenAddress.ts'

export interface DevFlags {
  port?: string
  host?: string
}

/** The port `dev` tries first when `--port` is not given (it moves on to the next free one). */
const DEFAULT_PORT = 5173

/** `shiplog dev`: serves the site and updates it as records and templates change. Runs until interrupted. */
export async function devCommand(flags: DevFlags, globals: GlobalOptions): Promise<number> {
  // --host and --port are checked before anything starts: a busy port or a host of another
  // machine is one line, not a half-started server.
  const { host, port } = parseListenFlags(flags)
  await checkListenAddress(host, port ?? 0)
  const project = await loadProject(globals.root)
  const c = createColors(useColor(process.stderr, globals.color))
  let server
  try {
    server = await startDevServer(project, {
      host,
      ...(port === null ? {} : { port }),
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
    const syscall = (error as NodeJS.ErrnoException | null)?.syscall
    if (syscall === 'listen' || syscall === 'getaddrinfo') throw listenError(error, host, port ?? DEFAULT_PORT)
    throw error
  }
  process.stdout.write(`${server.url}\n`)
  await untilInterrupted()
  await server.close()
  return 0
}
