import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLiveSite } from '../../src/node/site/liveSite.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiplog-live-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const read = (path: string): string => readFileSync(join(dir, path), 'utf8')

describe('createLiveSite', () => {
  it('should empty the folder it starts from', () => {
    mkdirSync(join(dir, 'releases'))
    writeFileSync(join(dir, 'releases/stale.md'), 'old')
    createLiveSite(dir)
    expect(existsSync(join(dir, 'releases/stale.md'))).toBe(false)
  })

  it('should write a group’s files, then only those whose content changed', () => {
    const site = createLiveSite(dir)
    expect(site.put('release:a', [['data/a.json', '{"n":1}\n'], ['a.md', 'page a']])).toEqual({ written: ['data/a.json', 'a.md'], removed: [] })
    site.serving()
    expect(site.put('release:a', [['data/a.json', '{"n":2}\n'], ['a.md', 'page a']])).toEqual({ written: ['data/a.json'], removed: [] })
    expect(read('data/a.json')).toBe('{"n":2}\n')
    // One file on its own (a save's page data, ahead of the rest): written once, then known.
    expect(site.write('release:a', 'data/a.json', '{"n":3}\n')).toBe(true)
    expect(site.write('release:a', 'data/a.json', '{"n":3}\n')).toBe(false)
    expect(site.put('release:a', [['data/a.json', '{"n":3}\n'], ['a.md', 'page a']])).toEqual({ written: [], removed: [] })
    expect([read('data/a.json'), read('a.md')]).toEqual(['{"n":3}\n', 'page a'])
  })

  it('should remove a group’s files that are no longer among its files, pages before their data', () => {
    const site = createLiveSite(dir)
    site.put('release:a', [['data/x/a.json', '{}\n'], ['data/bodies/x/a.json', '{}\n'], ['releases/x/a.md', 'page']])
    site.put('site', [['index.md', 'home']])
    site.serving()
    expect(site.put('release:a', [['data/x/a.json', '{}\n']])).toEqual({ written: [], removed: ['releases/x/a.md', 'data/bodies/x/a.json'] })
    // Emptied folders go with their last file; the site's other files are untouched.
    expect(existsSync(join(dir, 'data/bodies'))).toBe(false)
    expect(existsSync(join(dir, 'releases'))).toBe(false)
    expect(read('index.md')).toBe('home')
    expect(site.drop('release:a')).toEqual(['data/x/a.json'])
    expect(existsSync(join(dir, 'data'))).toBe(false)
    expect(site.drop('release:a')).toEqual([])
  })

  it('should leave a file another group took over to that group', () => {
    // Two records trading routes: b takes a's route before a is planned again under its new one.
    const site = createLiveSite(dir)
    site.put('release:a', [['data/r1.json', 'a\n']])
    site.serving()
    expect(site.put('release:b', [['data/r1.json', 'b\n']])).toEqual({ written: ['data/r1.json'], removed: [] })
    expect(site.put('release:a', [['data/r2.json', 'a\n']])).toEqual({ written: ['data/r2.json'], removed: [] })
    expect([read('data/r1.json'), read('data/r2.json')]).toEqual(['b\n', 'a\n'])
    expect(site.drop('release:a')).toEqual(['data/r2.json'])
    expect(read('data/r1.json')).toBe('b\n')
    // A file taken over with the content it already has is not written again.
    expect(site.put('release:c', [['data/r1.json', 'b\n']])).toEqual({ written: [], removed: [] })
    expect(site.drop('release:b')).toEqual([])
    expect(site.drop('release:c')).toEqual(['data/r1.json'])
  })
})
