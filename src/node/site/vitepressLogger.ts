import type { SiteConfig } from 'vitepress'
import type { SiteProgress } from './buildSite.ts'

type Logger = SiteConfig['logger']

/** Strips ANSI colour codes from a message. */
function plain(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/\u001b\[[0-9;]*m/g, '').trim()
}

/**
 * A Vite/VitePress logger that hands every message to `report` instead of writing to stdout
 * (stdout is for data). With `quiet`, info messages are dropped; warnings and errors never are.
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

/**
 * Runs `task` with its writes to stdout sent to stderr (stdout is for data), and with both dropped
 * when `silence` is set: VitePress draws its progress spinner straight onto stderr, with no option
 * to turn it off.
 */
export async function withSilencedOutput<T>(silence: boolean, task: () => Promise<T>): Promise<T> {
  const out = process.stdout.write
  const err = process.stderr.write
  const drop = ((_chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') (done as () => void)()
    return true
  }) as typeof process.stdout.write
  process.stdout.write = silence ? drop : (err.bind(process.stderr) as typeof process.stdout.write)
  if (silence) process.stderr.write = drop
  try {
    return await task()
  } finally {
    process.stdout.write = out
    process.stderr.write = err
  }
}
