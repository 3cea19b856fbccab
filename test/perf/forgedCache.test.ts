import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ReadStats } from '../../src/node/fs/readRecords.ts'
import type { SiteReadStats } from '../../src/node/site/readSiteRecords.ts'
import { compiled } from '../helpers/compiled.ts'
import { BUILD_LIMIT_MS, cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'
import { tempProject } from '../helpers/tempProject.ts'

// The caches key their entries on the code that runs: the binary runs the compiled dist/, so the
// keys are computed, and the caches read, with the same compiled modules (as an attacker would,
// with the victim's release of shiplog).
const { loadProject } = await compiled<typeof import('../../src/node/fs/loadProject.ts')>('node/fs/loadProject')
const { loadRecords } = await compiled<typeof import('../../src/node/fs/loadRecords.ts')>('node/fs/loadRecords')
const { createRecordCache, recordCacheSalt, writeCacheEntry } = await compiled<typeof import('../../src/node/cache/recordCache.ts')>('node/cache/recordCache')
const { encodeRecord } = await compiled<typeof import('../../src/node/cache/recordCodec.ts')>('node/cache/recordCodec')
const { parseRecord } = await compiled<typeof import('../../src/core/record/parseRecord.ts')>('core/record/parseRecord')
const { createBodyCache } = await compiled<typeof import('../../src/node/cache/bodyCache.ts')>('node/cache/bodyCache')
const { readSiteRecords, siteBodyOptionsOf } = await compiled<typeof import('../../src/node/site/readSiteRecords.ts')>('node/site/readSiteRecords')
const { recordBodyOf } = await compiled<typeof import('../../src/core/site/recordBodyOf.ts')>('core/site/recordBodyOf')

// A cache entry's key is computable offline from public sources (the record, shiplog's code, the
// templates); the cache folder may come from a CI cache restored with restore-keys, `git add -f`
// or a shared runner. These tests forge entries exactly as such an attacker would: the right key,
// a payload of their choosing, and a MAC under a secret of their own (they do not have the
// victim's). The victim runs shiplog with SHIPLOG_CACHE_SECRET set.

const VICTIM = 'victim-secret-0123456789abcdef0123456789abcdef'
const ATTACKER = 'attacker-secret-does-not-know-the-victims'
/** Runs `fn` with SHIPLOG_CACHE_SECRET set as given (in this process, and in workers it starts). */
async function withSecret<T>(secret: string, fn: () => Promise<T> | T): Promise<T> {
  const previous = process.env['SHIPLOG_CACHE_SECRET']
  process.env['SHIPLOG_CACHE_SECRET'] = secret
  try {
    return await fn()
  } finally {
    if (previous === undefined) delete process.env['SHIPLOG_CACHE_SECRET']
    else process.env['SHIPLOG_CACHE_SECRET'] = previous
  }
}

const project = (files: { readonly [path: string]: string | Uint8Array }): string => tempProject(files, 'shiplog-forged-')

/** JavaScript as `%XX` escapes, for a Vue expression to decode (no quote in the way). */
const percentEncoded = (code: string): string => [...code].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')

describe('a forged record-cache entry', () => {
  // web-storefront 3.3.0 is in progress with an open item its status requires: `check` fails it.
  const failing = readFileSync(join(REPO_ROOT, 'test/fixtures/site/project/releases/web-storefront/3.3.0.md'), 'utf8')

  /** Writes the entry an attacker computes for releases/3.3.0.md: the same record, but planned (nothing required yet). */
  async function forge(root: string, cacheDir: string, secret: string): Promise<void> {
    const loaded = await loadProject(root)
    const salt = recordCacheSalt({ templates: loaded.manifests, defaultTemplate: loaded.config.template })
    const file = 'releases/3.3.0.md'
    const key = createRecordCache(join(cacheDir, 'records'), salt).keyOf(file, readFileSync(join(root, file)))
    const planned = parseRecord(failing.replace('status: in-progress', 'status: planned'), { file, templates: loaded.manifests, defaultTemplate: loaded.config.template })
    await withSecret(secret, () => writeCacheEntry(join(cacheDir, 'records'), key, encodeRecord(planned)))
  }

  it('should not be used: check still fails the failing record', async () => {
    const root = project({ 'releases/3.3.0.md': failing })
    const cacheDir = join(root, 'ci-cache')
    await forge(root, cacheDir, ATTACKER)
    const run = runCli(['--root', root, 'check'], { env: { SHIPLOG_CACHE_DIR: cacheDir, SHIPLOG_CACHE_SECRET: VICTIM } })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('releases/3.3.0.md:20:1  error    Unexpected open item `E2E tests completed in staging` at status `in-progress`')
    // The record also lacks its Documentation group, an error at in-progress (missing-group).
    expect(run.stdout).toContain('1 file checked: 2 errors, 0 warnings')
    // The entry was replaced by one that verifies: a second run reads the record from the cache.
    const stats = {} as ReadStats
    await withSecret(VICTIM, async () => {
      process.env['SHIPLOG_CACHE_DIR'] = cacheDir
      try {
        const { records } = await loadRecords(await loadProject(root), [], { stats })
        expect(records.map((r) => r.frontmatter.data['status'])).toEqual(['in-progress'])
      } finally {
        delete process.env['SHIPLOG_CACHE_DIR']
      }
    })
    expect(stats).toMatchObject({ files: 1, hits: 1, parsed: 0 })
  }, cliTimeout(1))

  it('should be the MAC that stops it: the same entry under the victim’s secret would be used', async () => {
    // (The control for the test above: the key is the one shiplog looks up.)
    const root = project({ 'releases/3.3.0.md': failing })
    const cacheDir = join(root, 'ci-cache')
    await forge(root, cacheDir, VICTIM)
    const run = runCli(['--root', root, 'check'], { env: { SHIPLOG_CACHE_DIR: cacheDir, SHIPLOG_CACHE_SECRET: VICTIM } })
    expect(run.code).toBe(0)
  }, cliTimeout(1))
})

describe('a forged body-cache entry', () => {
  const RECORD = '---\nrelease: "Forgery"\nversion: "1.0.0"\ncomponent: "c"\nenvironment: "staging"\nstatus: planned\n---\n\n# Forgery 1.0.0\n\nGenuine body text.\n'

  /**
   * Writes the entry an attacker computes for the record's body: HTML that closes the page's
   * `<div class="shiplog-record">`, then a Vue expression (it writes `marker` during the build, sets the title in
   * a browser) and an `onerror` handler.
   */
  async function forge(root: string, marker: string, secret: string): Promise<void> {
    const loaded = await loadProject(root)
    const [record] = (await loadRecords(loaded, [], { cache: false })).records
    if (!record) throw new Error('no record')
    const markdown = recordBodyOf(readFileSync(join(root, record.file)))
    if (markdown === null) throw new Error('no body')
    const code = `typeof window==='undefined'?process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)},'x'):document.title='forged'`
    const html = `<p>Forged</p></div>{{ $options.constructor.constructor(decodeURIComponent('${percentEncoded(code)}'))() }}<img src=x onerror="document.title='forged'"><div>`
    await withSecret(secret, () => createBodyCache(join(root, '.shiplog/cache/bodies')).put(markdown, siteBodyOptionsOf(loaded, record), html))
  }

  it('should not be used: the build runs none of it, the page does not contain it, and the next read hits the cache', async () => {
    const root = project({ 'releases/1.0.0.md': RECORD })
    const marker = join(root, 'PWNED-BY-CACHE')
    await forge(root, marker, ATTACKER)
    const built = runCli(['--root', root, 'build', '--quiet'], { env: { CI: '', SHIPLOG_CACHE_SECRET: VICTIM }, timeoutMs: BUILD_LIMIT_MS })
    expect(built.code, built.stderr).toBe(0)
    expect(existsSync(marker)).toBe(false)
    const page = readFileSync(join(root, 'dist/releases/1.0.0.html'), 'utf8')
    expect(page).toContain('Genuine body text.')
    expect(page).not.toContain('Forged')
    expect(page).not.toMatch(/onerror|document\.title='forged'/)
    // The build replaced the entry: reading again with the same secret takes the record and its body from the caches.
    const stats = { records: {} as ReadStats, bodies: { cached: 0, rendered: 0 } } satisfies SiteReadStats
    await withSecret(VICTIM, async () => {
      const loaded = await loadProject(root)
      const [site] = (await readSiteRecords(loaded, createBodyCache(join(root, '.shiplog/cache/bodies')), { files: ['releases/1.0.0.md'], cwd: root, stats })).records
      expect(site?.bodyHtml).toContain('Genuine body text.')
    })
    expect(stats.records).toMatchObject({ files: 1, hits: 1, parsed: 0 })
    expect(stats.bodies).toEqual({ cached: 1, rendered: 0, withRecords: 0 })
  }, cliTimeout(1, BUILD_LIMIT_MS))

  it('should show an entry that passes the MAC (a leaked secret) as text, running none of it', async () => {
    const root = project({ 'releases/1.0.0.md': RECORD })
    const marker = join(root, 'PWNED-BY-CACHE')
    await forge(root, marker, VICTIM)
    const built = runCli(['--root', root, 'build', '--quiet'], { env: { CI: '', SHIPLOG_CACHE_SECRET: VICTIM }, timeoutMs: BUILD_LIMIT_MS })
    expect(built.code, built.stderr).toBe(0)
    expect(existsSync(marker)).toBe(false)
    const page = readFileSync(join(root, 'dist/releases/1.0.0.html'), 'utf8')
    // The entry was used (its text is on the page), as text: its tags are escaped.
    expect(page).toContain('<div class="shiplog-record">&#60;p&#62;Forged&#60;/p&#62;&#60;/div&#62;&#123;&#123; $options.constructor.constructor(')
    expect(page).not.toMatch(/<img[^>]*onerror/)
    expect(page).not.toContain('Genuine body text.')
  }, cliTimeout(1, BUILD_LIMIT_MS))
})
