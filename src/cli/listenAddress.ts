import { createServer, isIP } from 'node:net'
import { ShiplogError } from '../core/errors.ts'

/** Where `dev` and `preview` listen: `--host` and `--port`, read and checked before anything starts. */
export interface ListenAddress {
  host: string
  /** Null when `--port` was not given (the command's default). */
  port: number | null
}

const HOST_EXAMPLES = 'an address of this machine (127.0.0.1, 0.0.0.0, ::1) or a host name (localhost)'

/** A `--port` value: a whole number from 0 to 65535, 0 asking for any free port. */
export function parsePort(value: string): number {
  const port = Number(value)
  if (!/^\d{1,5}$/.test(value) || port > 65535) {
    throw new ShiplogError(`Unexpected --port ${JSON.stringify(value)}: expected a whole number from 1 to 65535 (or 0 for any free port)`, 2)
  }
  return port
}

/**
 * A `--host` value: an IPv4 or IPv6 address (brackets allowed around IPv6) or a host name (letters,
 * digits and `-` in dot-separated labels). Dotted numbers that are not an IPv4 address
 * (`999.1.1.1`) are refused here rather than looked up as a name.
 */
export function parseHost(value: string): string {
  const unbracketed = /^\[.*\]$/.test(value) ? value.slice(1, -1) : value
  if (isIP(unbracketed) === 6 || (unbracketed === value && isIP(value) === 4)) return unbracketed
  const label = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/
  const labels = value.split('.')
  const isName = value.length <= 253 && labels.every((part) => label.test(part)) && !/^\d+$/.test(labels[labels.length - 1] as string)
  if (!isName) throw new ShiplogError(`Unexpected --host ${JSON.stringify(value)}: expected ${HOST_EXAMPLES}`, 2)
  return value
}

/** Reads `--host` and `--port` (the host defaults to 127.0.0.1: this machine only). */
export function parseListenFlags(flags: { host?: string; port?: string }): ListenAddress {
  return {
    host: flags.host === undefined ? '127.0.0.1' : parseHost(flags.host),
    port: flags.port === undefined ? null : parsePort(flags.port),
  }
}

/**
 * The one-line error for a failure to listen on `host`:`port`: what is wrong and what to pass
 * instead (exit code 2 when `--host` names no address of this machine, 1 otherwise).
 */
export function listenError(error: unknown, host: string, port: number): ShiplogError {
  const code = (error as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'EADDRINUSE':
      return new ShiplogError(`port ${port} is in use: pass --port <free port> (or --port 0 for any free port)`, 1)
    case 'EACCES':
      return new ShiplogError(`port ${port} needs privileges shiplog does not have: pass --port 1024 or above`, 1)
    case 'EADDRNOTAVAIL':
      return new ShiplogError(`address ${host} is not one of this machine's: pass --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)`, 2)
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return new ShiplogError(`host ${host} was not found: pass --host with ${HOST_EXAMPLES}`, 2)
    default: {
      const detail = code ?? (error instanceof Error ? error.message.split('\n')[0] : String(error))
      return new ShiplogError(`could not listen on ${host} port ${port} (${detail}): pass another --host or --port`, 1)
    }
  }
}

/**
 * Checks that `host`:`port` can be listened on, by listening there and closing at once, so that a
 * busy port or a host of another machine is reported before a server, watchers or workers start.
 * Port 0 checks the host alone. Throws the `listenError`.
 */
export function checkListenAddress(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (error) => reject(listenError(error, host, port)))
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()))
  })
}
