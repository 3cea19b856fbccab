import type { SiteConfig } from 'vitepress'
import type { SiteProgress } from './buildSite.ts'

type Logger = SiteConfig['logger']

/** Strips ANSI colour codes from a message. */
function plain(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/\u001b\[[0-9;]*m/g, '').trim()
}

/**
 * A Vite/VitePress logger that hands every message to `report` instead of writing to the console
 * (stdout is for data): VitePress and Vite take it as their logger (`customLogger`). With `quiet`,
 * info messages are dropped; warnings and errors never are.
 */
export function vitepressLogger(report: (event: SiteProgress) => void, quiet: boolean): Logger {
  const warned = new Set<string>()
  const errors = new WeakSet<object>()
  const logger: Logger = {
    hasWarned: false,
    info(message) {
      if (!quiet && plain(message) !== '') report({ phase: 'log', level: 'info', message: plain(message) })
    },
    warn(message) {
      logger.hasWarned = true
      report({ phase: 'log', level: 'warn', message: plain(message) })
    },
    warnOnce(message) {
      if (warned.has(message)) return
      warned.add(message)
      logger.warn(message)
    },
    error(message, options) {
      if (options?.error) errors.add(options.error)
      report({ phase: 'log', level: 'error', message: plain(message) })
    },
    clearScreen() {},
    hasErrorLogged(error) {
      return errors.has(error)
    },
  }
  return logger
}
