import { describe, expect, it } from 'vitest'
import { listenError, parseHost, parsePort } from '../../src/cli/listenAddress.ts'
import { ShiplogError } from '../../src/core/errors.ts'

function refusal(read: () => unknown): ShiplogError {
  try {
    read()
  } catch (error) {
    if (error instanceof ShiplogError) return error
    throw error
  }
  throw new Error('expected a ShiplogError')
}

describe('parsePort', () => {
  it('should take whole numbers from 0 (any free port) to 65535', () => {
    expect([parsePort('0'), parsePort('1'), parsePort('5173'), parsePort('65535'), parsePort('08080')]).toEqual([0, 1, 5173, 65535, 8080])
  })

  it.each([['65536'], ['-1'], ['1e3'], ['0x50'], ['80.0'], [' 80'], [''], ['123456']])('should refuse %j as a usage error', (value) => {
    const error = refusal(() => parsePort(value))
    expect([error.message, error.exitCode]).toEqual([`Unexpected --port ${JSON.stringify(value)}: expected a whole number from 1 to 65535 (or 0 for any free port)`, 2])
  })
})

describe('parseHost', () => {
  it('should take IP addresses, IPv6 in brackets or not, and host names', () => {
    expect(['127.0.0.1', '0.0.0.0', '::', '::1', '[::1]', 'localhost', 'build-01.example.com', 'xn--bcher-kva.example'].map(parseHost)).toEqual([
      '127.0.0.1',
      '0.0.0.0',
      '::',
      '::1',
      '::1',
      'localhost',
      'build-01.example.com',
      'xn--bcher-kva.example',
    ])
  })

  it.each([['999.1.1.1'], ['1.2.3'], ['256.0.0.1'], ['-host'], ['host-'], ['a..b'], ['has space'], ['http://localhost'], ['[127.0.0.1]'], [''], ['a'.repeat(64)]])(
    'should refuse %j as a usage error',
    (value) => {
      const error = refusal(() => parseHost(value))
      expect([error.message, error.exitCode]).toEqual([
        `Unexpected --host ${JSON.stringify(value)}: expected an address of this machine (127.0.0.1, 0.0.0.0, ::1) or a host name (localhost)`,
        2,
      ])
    },
  )
})

describe('listenError', () => {
  const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code })

  it('should say what to pass instead for each way listening fails', () => {
    const said = (code: string): [string, number] => {
      const error = listenError(errno(code), '10.1.2.3', 80)
      return [error.message, error.exitCode]
    }
    expect(said('EADDRINUSE')).toEqual(['port 80 is in use: pass --port <free port> (or --port 0 for any free port)', 1])
    expect(said('EACCES')).toEqual(['port 80 needs privileges shiplog does not have: pass --port 1024 or above', 1])
    expect(said('EADDRNOTAVAIL')).toEqual(["address 10.1.2.3 is not one of this machine's: pass --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)", 2])
    expect(said('ENOTFOUND')).toEqual(['host 10.1.2.3 was not found: pass --host with an address of this machine (127.0.0.1, 0.0.0.0, ::1) or a host name (localhost)', 2])
    expect(said('EMFILE')).toEqual(['could not listen on 10.1.2.3 port 80 (EMFILE): pass another --host or --port', 1])
  })
})
