import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { track } from '../helpers/children.ts'
import { BIN, BUILD_LIMIT_MS, cliTimeout, runCli } from '../helpers/runCli.ts'
import { copyFixtureProject } from './helpers.ts'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** How long a server (preview, or dev with VitePress) may take to print its address on a busy machine. */
const SERVE_LIMIT_MS = 120_000

/** Starts a long-running command, resolves with the address it prints on stdout. */
function serve(args: string[]): { child: ChildProcess; url: Promise<string>; stop: () => Promise<number | null> } {
  // Started in the temporary folder, never in the repository; killed after the test if still running.
  const child = track(spawn(process.execPath, [BIN, ...args], { cwd: tmpdir(), env: { ...process.env, NO_COLOR: '1' } }))
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString()
  })
  const url = new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no address printed: ${out} ${err}`)), SERVE_LIMIT_MS)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /^(http:\/\/\S+)\n/m.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code}: ${err}`))
    })
  })
  const stop = (): Promise<number | null> => {
    if (child.exitCode !== null) return Promise.resolve(child.exitCode)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    return exited
  }
  return { child, url, stop }
}

/** A site as an earlier build left it (with the marker file every published site holds). */
function fakeDist(root: string): void {
  mkdirSync(join(root, 'dist/releases'), { recursive: true })
  writeFileSync(join(root, 'dist/.shiplog-site'), 'built by shiplog\n')
  writeFileSync(join(root, 'dist/index.html'), '<h1>OLD SITE</h1>')
  writeFileSync(join(root, 'dist/releases/1.0.0.html'), '<h1>1.0.0</h1>')
  writeFileSync(join(root, 'dist/404.html'), '<h1>not here</h1>')
}

describe('shiplog build', () => {
  it('should leave the last good site in place when the build fails', () => {
    const { root } = copyFixtureProject({ hostile: false })
    roots.push(root)
    fakeDist(root)
    // A project's own VitePress config that cannot load makes VitePress fail.
    mkdirSync(join(root, 'site/.vitepress'), { recursive: true })
    writeFileSync(join(root, 'site/.vitepress/config.ts'), "throw new Error('broken site config')\n")
    const result = runCli(['--root', root, 'build'], { timeoutMs: BUILD_LIMIT_MS })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('the site build failed, the previous site in')
    expect(result.stderr).toContain('broken site config')
    expect(result.stdout).toBe('')
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('<h1>OLD SITE</h1>')
    expect(readdirSync(join(root, '.shiplog')).filter((name) => name.startsWith('out-'))).toEqual([])
  }, cliTimeout(1, BUILD_LIMIT_MS))

  it("should print VitePress's progress on stderr without colour codes when colour is off, nothing with --quiet, and nothing on stdout", () => {
    const { root } = copyFixtureProject({ hostile: false })
    roots.push(root)
    // runCli sets NO_COLOR.
    const loud = runCli(['--root', root, 'build'], { env: { CI: '' } })
    expect(loud.code, loud.stderr).toBe(0)
    expect(loud.stdout).toBe('')
    const lines = loud.stderr.split('\n')
    expect(lines).toContain('- building client + server bundles...')
    expect(lines).toContain('✓ building client + server bundles...')
    expect(lines).toContain('✓ rendering pages...')
    expect(loud.stderr).not.toContain('\u001b[')

    const quiet = runCli(['--root', root, 'build', '--quiet'], { env: { CI: '' } })
    expect(quiet.code).toBe(0)
    expect([quiet.stdout, quiet.stderr]).toEqual(['', ''])
  }, 180_000)

  it('should document its options', () => {
    const result = runCli(['build', '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/--quiet[\s\S]*--out-dir[\s\S]*--base[\s\S]*--force/)
    expect(result.stdout).toContain('.shiplog-site')
  }, cliTimeout(1))

  it('should publish to an absolute folder outside the project only with --force when shiplog did not build it, then replace its own site without', () => {
    const { root } = copyFixtureProject({ hostile: false })
    roots.push(root)
    const deploy = mkdtempSync(join(tmpdir(), 'shiplog-deploy-'))
    roots.push(deploy)
    const target = join(deploy, 'www')
    mkdirSync(target)
    writeFileSync(join(target, 'old-page.html'), '<p>someone else’s page</p>')

    const refused = runCli(['--root', root, 'build', '--quiet', '--out-dir', target], { env: { CI: '' }, timeoutMs: BUILD_LIMIT_MS })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('run shiplog build --force to replace it')
    expect(readdirSync(target)).toEqual(['old-page.html'])

    const forced = runCli(['--root', root, 'build', '--quiet', '--force', '--out-dir', target], { env: { CI: '' }, timeoutMs: BUILD_LIMIT_MS })
    expect(forced.code, forced.stderr).toBe(0)
    expect(readdirSync(target)).toContain('index.html')
    expect(readdirSync(target)).toContain('.shiplog-site')
    expect(existsSync(join(target, 'old-page.html'))).toBe(false)
    // Nothing is left beside the target: no staging copy, no old site set aside.
    expect(readdirSync(deploy)).toEqual(['www'])

    const again = runCli(['--root', root, 'build', '--quiet', '--out-dir', target], { env: { CI: '' }, timeoutMs: BUILD_LIMIT_MS })
    expect(again.code, again.stderr).toBe(0)
    expect(readdirSync(target)).toContain('.shiplog-site')
    expect(readdirSync(deploy)).toEqual(['www'])
  }, cliTimeout(3, BUILD_LIMIT_MS))
})

describe('shiplog preview', () => {
  it('should say how to get a site when none is built', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-preview-'))
    roots.push(root)
    const result = runCli(['--root', root, 'preview'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('run `shiplog build` first')
  }, cliTimeout(1))

  it('should refuse a port that is not a number', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-preview-'))
    roots.push(root)
    fakeDist(root)
    expect(runCli(['--root', root, 'preview', '--port', 'http']).code).toBe(2)
  }, cliTimeout(1))

  it('should serve the built site, print its address and stop on SIGTERM', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-preview-'))
    roots.push(root)
    fakeDist(root)
    const server = serve(['--root', root, 'preview', '--port', '0'])
    try {
      const url = await server.url
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      expect(await (await fetch(url)).text()).toBe('<h1>OLD SITE</h1>')
      expect(await (await fetch(`${url}releases/1.0.0`)).text()).toBe('<h1>1.0.0</h1>')
      const missing = await fetch(`${url}nope.html`)
      expect([missing.status, await missing.text()]).toEqual([404, '<h1>not here</h1>'])
    } finally {
      expect(await server.stop()).toBe(0)
    }
  }, SERVE_LIMIT_MS + 60_000)
})

describe('shiplog dev', () => {
  it('should document its options', () => {
    const result = runCli(['dev', '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/--port[\s\S]*--host/)
  }, cliTimeout(1))

  it('should serve the live site, print its address and stop on SIGTERM', async () => {
    const { root } = copyFixtureProject({ hostile: false })
    roots.push(root)
    const server = serve(['--root', root, 'dev', '--port', '0'])
    try {
      const url = await server.url
      const home = (await (await fetch(`${url}data/home.json`)).json()) as { totals: { records: number } }
      expect(home.totals.records).toBe(5)
      expect(existsSync(join(root, '.shiplog/site/index.md'))).toBe(true)
    } finally {
      expect(await server.stop()).toBe(0)
    }
  }, SERVE_LIMIT_MS + 60_000)
})
