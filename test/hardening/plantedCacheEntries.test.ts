import { execFileSync, spawnSync } from 'node:child_process'
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { createBodyCache } from '../../src/node/cache/bodyCache.ts'
import { createRecordCache } from '../../src/node/cache/recordCache.ts'
import { encodeRecord } from '../../src/node/cache/recordCodec.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

// A cache folder may come from a CI cache restored from another run: whatever sits at an entry's
// path is untrusted. A named pipe there must not stall a run waiting for a writer; a link there
// must not lead a write to the file it names.

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-planted-'))
  dirs.push(dir)
  return dir
}
const SECRET = Buffer.alloc(32, 7)

/**
 * What `expression` gives, evaluated in a child process with the compiled cache modules (`records`,
 * `bodies`): a read that waits on a pipe blocks its thread for good, so the wait is the child's,
 * killed after 30 s (`timedOut`).
 */
function inChild(expression: string, dir: string): { value: unknown; timedOut: boolean } {
  const script = `
    const records = await import(${JSON.stringify(join(REPO_ROOT, 'dist/node/cache/recordCache.js'))})
    const bodies = await import(${JSON.stringify(join(REPO_ROOT, 'dist/node/cache/bodyCache.js'))})
    const dir = ${JSON.stringify(dir)}
    const secret = Buffer.alloc(32, 7)
    process.stdout.write(JSON.stringify(${expression}))`
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 })
  return { value: child.stdout ? JSON.parse(child.stdout) : undefined, timedOut: child.error !== undefined || child.signal !== null }
}

describe('a cache entry planted in the cache folder', () => {
  it('is not waited on when it is a named pipe (record cache)', () => {
    const dir = fresh()
    const cache = createRecordCache(dir, 'salt', SECRET)
    const key = cache.keyOf('releases/a.md', new TextEncoder().encode('a'))
    mkdirSync(join(dir, key.slice(0, 2)))
    execFileSync('mkfifo', [join(dir, key.slice(0, 2), `${key}.json`)])
    // Without a writer, reading the pipe would block the reading thread for good.
    expect(inChild(`records.createRecordCache(dir, 'salt', secret).get(${JSON.stringify(key)})`, dir)).toEqual({ value: null, timedOut: false })
    // Nor written through: as every write of shiplog's, the entry's write refuses to replace a
    // pipe (the record is then used as parsed), and the next read does not wait either.
    const record = parseRecord('---\nstatus: approved\n---\n\n## Stage\n\n- [x] a\n', { file: 'releases/a.md' })
    cache.set(key, encodeRecord(record))
    expect(lstatSync(join(dir, key.slice(0, 2), `${key}.json`)).isFIFO()).toBe(true)
    // A regular entry in its place is read.
    rmSync(join(dir, key.slice(0, 2), `${key}.json`))
    cache.set(key, encodeRecord(record))
    expect(cache.get(key)?.status).toBe('approved')
  })

  it('is replaced, not followed, when it is a link to another file (body cache)', () => {
    const dir = fresh()
    const outside = join(fresh(), 'profile')
    writeFileSync(outside, 'export PATH=/usr/bin\n')
    const options = { file: 'releases/a.md' }
    expect(createBodyCache(dir, SECRET).render('# A\n\nText.\n', options)).toContain('Text.')
    const [entry] = readdirSync(dir)
    expect(entry).toMatch(/^[0-9a-f]{64}\.html$/)
    // The entry made a link to a file of the user's: it does not verify, the body is rendered again and stored.
    rmSync(join(dir, entry as string))
    symlinkSync(outside, join(dir, entry as string))
    expect(createBodyCache(dir, SECRET).render('# A\n\nText.\n', options)).toContain('Text.')
    expect(readFileSync(outside, 'utf8')).toBe('export PATH=/usr/bin\n')
    expect(lstatSync(join(dir, entry as string)).isFile()).toBe(true)
  })

  it('is not waited on when it is a named pipe (body cache)', () => {
    const dir = fresh()
    // Written by the compiled code, whose key (the renderer's code is part of it) the child reads.
    expect(inChild(`bodies.createBodyCache(dir, secret).render('# A\\n', { file: 'releases/a.md' })`, dir).value).toContain('<h')
    const [entry] = readdirSync(dir)
    rmSync(join(dir, entry as string))
    execFileSync('mkfifo', [join(dir, entry as string)])
    expect(inChild(`bodies.createBodyCache(dir, secret).peek('# A\\n', { file: 'releases/a.md' })`, dir)).toEqual({ value: null, timedOut: false })
  })
})
