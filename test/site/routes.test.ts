import { describe, expect, it } from 'vitest'
import { componentRoutes } from '../../src/core/site/componentRoutes.ts'
import { releaseRoutes } from '../../src/core/site/releaseRoutes.ts'
import { repoFileUrl } from '../../src/core/site/repoFileUrl.ts'

describe('releaseRoutes', () => {
  it('should name each page after its path under the releases folder, lower-cased and URL-safe', () => {
    const routes = releaseRoutes(['releases/Payments API/2.4.0.md', 'releases/2.3.0.md', 'releases/ünïcode {x}.md'], 'releases')
    expect(Object.fromEntries(routes)).toEqual({
      'releases/Payments API/2.4.0.md': 'payments-api/2.4.0',
      'releases/2.3.0.md': '2.3.0',
      'releases/ünïcode {x}.md': 'unicode-x',
    })
  })

  it('should keep ids unique when names collide after cleaning', () => {
    const routes = releaseRoutes(['releases/a b.md', 'releases/a-b.md', 'releases/A B.md'], 'releases/')
    expect(new Set(routes.values()).size).toBe(3)
    expect([...routes.values()].sort()).toEqual(['a-b', 'a-b-2', 'a-b-3'])
  })
})

describe('componentRoutes', () => {
  it('should never take the components index page', () => {
    expect(Object.fromEntries(componentRoutes(['index', 'Web Store']))).toEqual({ index: 'index-2', 'Web Store': 'web-store' })
  })
})

describe('route ids of long names', () => {
  // A page is written as `<id>.json` beside `<id>.md`: an id of 251 characters or more cannot be
  // a file name (255 bytes at most), and the whole build used to fail on it.
  it('should keep each segment to 100 characters, and ids that differ only beyond them apart', () => {
    const long = `${'a'.repeat(99)}-${'b'.repeat(200)}`
    const releases = releaseRoutes([`releases/${'f'.repeat(240)}/${long} one.md`, `releases/${'f'.repeat(240)}/${long} two.md`], 'releases')
    expect([...releases.values()]).toEqual([`${'f'.repeat(100)}/${'a'.repeat(99)}`, `${'f'.repeat(100)}/${'a'.repeat(99)}-2`])
    const components = componentRoutes([`${'c'.repeat(300)} x`, `${'c'.repeat(300)} y`, `--${'d'.repeat(99)}.-x`])
    expect(Object.fromEntries(components)).toEqual({
      [`${'c'.repeat(300)} x`]: 'c'.repeat(100),
      [`${'c'.repeat(300)} y`]: `${'c'.repeat(100)}-2`,
      [`--${'d'.repeat(99)}.-x`]: 'd'.repeat(99),
    })
  })
})

describe('repoFileUrl', () => {
  const repo = { url: 'https://github.com/acme/releases', branch: 'release/2026' }
  it('should resolve a path against the record and encode it', () => {
    expect(repoFileUrl(repo, 'releases/a/2.0.md')).toBe('https://github.com/acme/releases/blob/release/2026/releases/a/2.0.md')
    expect(repoFileUrl(repo, 'releases/a/2.0.md', '../../docs/run book.md#step-2')).toBe(
      'https://github.com/acme/releases/blob/release/2026/docs/run%20book.md#step-2',
    )
    expect(repoFileUrl(repo, 'releases/a/2.0.md', 'img.png', 'raw')).toBe('https://github.com/acme/releases/raw/release/2026/releases/a/img.png')
  })

  it('should refuse a path that leaves the repository', () => {
    expect(repoFileUrl(repo, 'releases/2.0.md', '../../x')).toBeNull()
  })
})
