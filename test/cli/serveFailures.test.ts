import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { track } from '../helpers/children.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { killChildren, spawnCli } from '../helpers/spawnCli.ts'

// `shiplog dev` and `shiplog preview` when they cannot serve: one line saying what is wrong and
// what to pass instead, an exit code, and a process that ends (the tests wait for the child to
// exit on its own; a handle left open — a server, a watcher, a worker — would keep it running
// until the time limit kills it).

const roots: string[] = []
const busy: Server[] = []
afterEach(async () => {
  killChildren()
  for (const server of busy.splice(0)) await new Promise((resolve) => server.close(resolve))
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

function project(withSite = false): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-serve-'))
  roots.push(root)
  mkdirSync(join(root, 'releases'))
  if (withSite) {
    mkdirSync(join(root, 'dist'))
    writeFileSync(join(root, 'dist/index.html'), '<h1>site</h1>')
  }
  return root
}

/** A port another server holds on 127.0.0.1. */
async function busyPort(): Promise<number> {
  const server = createServer()
  busy.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

const LIMIT = { timeoutMs: 90_000 }

describe('shiplog dev and preview that cannot serve', () => {
  it('dev --port <busy>: should say the port is in use, exit 1 and end', async () => {
    const root = project()
    const port = await busyPort()
    const result = await spawnCli(['--root', root, 'dev', '--port', String(port)], LIMIT)
    expect(result.timedOut, 'dev did not end').toBe(false)
    expect(result.stderr).toBe(`shiplog: port ${port} is in use: pass --port <free port> (or --port 0 for any free port)\n`)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
  }, 120_000)

  it('preview --port <busy>: should say the port is in use, exit 1 and end', async () => {
    const root = project(true)
    const port = await busyPort()
    const result = await spawnCli(['--root', root, 'preview', '--port', String(port)], LIMIT)
    expect(result.timedOut, 'preview did not end').toBe(false)
    expect(result.stderr).toBe(`shiplog: port ${port} is in use: pass --port <free port> (or --port 0 for any free port)\n`)
    expect(result.code).toBe(1)
  }, 120_000)

  it('preview --host 999.1.1.1: should refuse an address that cannot be one, exit 2 and end', async () => {
    const root = project(true)
    const result = await spawnCli(['--root', root, 'preview', '--host', '999.1.1.1'], LIMIT)
    expect(result.timedOut).toBe(false)
    expect(result.stderr).toBe(
      'shiplog: Unexpected --host "999.1.1.1": expected an address of this machine (127.0.0.1, 0.0.0.0, ::1) or a host name (localhost)\n',
    )
    expect(result.code).toBe(2)
  }, 120_000)

  it('dev --host 999.1.1.1: should refuse it before starting anything, exit 2 and end', async () => {
    const root = project()
    const result = await spawnCli(['--root', root, 'dev', '--host', '999.1.1.1'], LIMIT)
    expect(result.timedOut).toBe(false)
    expect(result.stderr).toBe(
      'shiplog: Unexpected --host "999.1.1.1": expected an address of this machine (127.0.0.1, 0.0.0.0, ::1) or a host name (localhost)\n',
    )
    expect(result.code).toBe(2)
  }, 120_000)

  it('dev and preview --host <another machine’s address>: should say it is not this machine’s, exit 2 and end', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
    const expected = "shiplog: address 192.0.2.1 is not one of this machine's: pass --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)\n"
    const dev = await spawnCli(['--root', project(), 'dev', '--host', '192.0.2.1', '--port', '0'], LIMIT)
    expect([dev.timedOut, dev.stderr, dev.code]).toEqual([false, expected, 2])
    const preview = await spawnCli(['--root', project(true), 'preview', '--host', '192.0.2.1', '--port', '0'], LIMIT)
    expect([preview.timedOut, preview.stderr, preview.code]).toEqual([false, expected, 2])
  }, 120_000)

  it('preview --host <a name that does not resolve>: should say it was not found, exit 2 and end', async () => {
    // .invalid never resolves (RFC 2606).
    const result = await spawnCli(['--root', project(true), 'preview', '--host', 'nowhere.invalid', '--port', '0'], LIMIT)
    expect(result.timedOut).toBe(false)
    expect(result.stderr).toBe(
      'shiplog: host nowhere.invalid was not found: pass --host with an address of this machine (127.0.0.1, 0.0.0.0, ::1) or a host name (localhost)\n',
    )
    expect(result.code).toBe(2)
  }, 120_000)

  it.each([['http'], ['70000'], ['-1'], ['1e3'], ['80.5'], ['']])('dev and preview --port %j: should refuse it as a usage error', async (port) => {
    const expected = `shiplog: Unexpected --port ${JSON.stringify(port)}: expected a whole number from 1 to 65535 (or 0 for any free port)\n`
    const dev = await spawnCli(['--root', project(), 'dev', '--port', port], LIMIT)
    expect([dev.timedOut, dev.stderr, dev.code]).toEqual([false, expected, 2])
    const preview = await spawnCli(['--root', project(true), 'preview', '--port', port], LIMIT)
    expect([preview.timedOut, preview.stderr, preview.code]).toEqual([false, expected, 2])
  }, 120_000)

  it('startDevServer: should close what it started when it cannot listen, so that the process can end', async () => {
    // Called directly, without the CLI's check of the port beforehand: the case of a port taken
    // between that check and the server's own listen.
    const root = project()
    const port = await busyPort()
    const script = join(root, 'start.mjs')
    // The compiled modules, as the binary runs them (plain Node, no TypeScript loader).
    const compiled = (path: string): string => pathToFileURL(join(REPO_ROOT, 'dist', path)).href
    writeFileSync(
      script,
      [
        `import { loadProject } from ${JSON.stringify(compiled('node/fs/loadProject.js'))}`,
        `import { startDevServer } from ${JSON.stringify(compiled('node/site/devServer.js'))}`,
        'try {',
        `  await startDevServer(await loadProject(${JSON.stringify(root)}), { port: ${port} })`,
        "  console.log('listening')",
        '} catch (error) {',
        '  console.log(`failed: ${error.code} ${error.syscall}`)',
        '}',
      ].join('\n'),
    )
    const child = track(spawn(process.execPath, [script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }))
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])))
    clearTimeout(timer)
    expect(signal, 'the process did not end: something was left open').toBeNull()
    expect(code).toBe(0)
    expect(stdout).toBe('failed: EADDRINUSE listen\n')
  }, 120_000)
})
