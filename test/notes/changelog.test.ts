import { parser } from 'keep-a-changelog'
import { describe, expect, it } from 'vitest'
import { changelogEntryOf } from '../../src/core/notes/changelogEntryOf.ts'
import { insertChangelogEntry } from '../../src/core/notes/insertChangelogEntry.ts'
import type { ReleaseNotes } from '../../src/core/notes/types.ts'

function notes(version: string, date: string, sections: ReleaseNotes['sections']): ReleaseNotes {
  return { file: `releases/${version}.md`, title: 'Shop', version, component: 'shop', date, dateKind: 'released', sections, changes: [] }
}

const V320 = notes('3.2.0', '2026-03-10', [
  { name: 'New Features', items: ['One-page checkout'] },
  { name: 'Bug Fixes', items: ['Coupon codes are case-insensitive'] },
  { name: 'Technical Improvements', items: ['Node 22'] },
  { name: 'Breaking Changes', items: ['`/v1/cart` removed'] },
  { name: 'Known Issues', items: ['Gift cards cannot be combined'] },
  { name: 'Security', items: ['Session cookies are SameSite=Strict'] },
  { name: 'Deprecations', items: ['`/v2/basket`'] },
])

/** The changes of one release as the keep-a-changelog package reads them: kind → titles. */
function changesOf(markdown: string, version: string): { [kind: string]: string[] } {
  const release = parser(markdown).findRelease(version)
  if (!release) throw new Error(`no release ${version}`)
  const out: { [kind: string]: string[] } = {}
  for (const [kind, changes] of release.changes) if (changes.length > 0) out[kind] = changes.map((change) => change.title)
  return out
}

describe('changelog', () => {
  it('should make a Keep a Changelog file with the release, its date and each section under its kind', () => {
    const text = insertChangelogEntry(null, '3.2.0', changelogEntryOf(V320))
    const changelog = parser(text)
    expect(changelog.title).toBe('Changelog')
    expect(changelog.releases.map((release) => release.version?.toString() ?? 'unreleased')).toEqual(['unreleased', '3.2.0'])
    expect(changelog.findRelease('3.2.0')?.date?.toISOString().slice(0, 10)).toBe('2026-03-10')
    expect(changesOf(text, '3.2.0')).toEqual({
      added: ['One-page checkout'],
      // Technical Improvements, then Breaking Changes marked as such; Known Issues are not changes.
      changed: ['Node 22', '**Breaking:** `/v1/cart` removed'],
      deprecated: ['`/v2/basket`'],
      fixed: ['Coupon codes are case-insensitive'],
      security: ['Session cookies are SameSite=Strict'],
    })
  })

  it('should keep releases in version order, Unreleased first and link definitions last', () => {
    const existing = [
      '# Changelog',
      '',
      '## [Unreleased]',
      '',
      '- Work in progress',
      '',
      '## [3.10.0] - 2026-05-01',
      '',
      '### Fixed',
      '',
      '- Later fix',
      '',
      '## [3.1.0] - 2026-02-01',
      '',
      '### Added',
      '',
      '- Earlier feature',
      '',
      '[3.10.0]: https://github.com/acme/shop/compare/v3.1.0...v3.10.0',
      '[3.1.0]: https://github.com/acme/shop/releases/tag/v3.1.0',
      '',
    ].join('\n')
    const text = insertChangelogEntry(existing, '3.2.0', changelogEntryOf(notes('3.2.0', '2026-03-10', [{ name: 'Bug Fixes', items: ['Middle fix'] }])))
    // 3.10.0 > 3.2.0 > 3.1.0 by semver (not by text, where "3.10.0" < "3.2.0").
    expect([...text.matchAll(/^## (.*)$/gm)].map((match) => match[1])).toEqual(['[Unreleased]', '[3.10.0] - 2026-05-01', '[3.2.0] - 2026-03-10', '[3.1.0] - 2026-02-01'])
    expect(text.endsWith('- Earlier feature\n\n[3.10.0]: https://github.com/acme/shop/compare/v3.1.0...v3.10.0\n[3.1.0]: https://github.com/acme/shop/releases/tag/v3.1.0\n')).toBe(true)
    expect(changesOf(text, '3.2.0')).toEqual({ fixed: ['Middle fix'] })
    expect(changesOf(text, '3.1.0')).toEqual({ added: ['Earlier feature'] })
  })

  it('should change nothing when the same release is put in twice (byte for byte)', () => {
    const once = insertChangelogEntry(null, '3.2.0', changelogEntryOf(V320))
    const twice = insertChangelogEntry(once, '3.2.0', changelogEntryOf(V320))
    expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true)
  })

  it('should replace the release in place when the record changed', () => {
    const first = insertChangelogEntry(null, '3.1.0', changelogEntryOf(notes('3.1.0', '2026-02-01', [{ name: 'New Features', items: ['Old'] }])))
    const both = insertChangelogEntry(first, '3.2.0', changelogEntryOf(V320))
    const changed = insertChangelogEntry(both, '3.1.0', changelogEntryOf(notes('3.1.0', '2026-02-02', [{ name: 'Bug Fixes', items: ['New fix'] }])))
    expect([...changed.matchAll(/^## (.*)$/gm)].map((match) => match[1])).toEqual(['[Unreleased]', '[3.2.0] - 2026-03-10', '[3.1.0] - 2026-02-02'])
    expect(changesOf(changed, '3.1.0')).toEqual({ fixed: ['New fix'] })
    expect(changed).not.toContain('Old')
  })

  it('should refuse a record without a version or a date', () => {
    expect(() => changelogEntryOf({ ...V320, version: null })).toThrow(/releases\/3\.2\.0\.md: .*without a `version`/)
    expect(() => changelogEntryOf({ ...V320, date: null })).toThrow(/without a readable `scheduled` or deploy time/)
  })
})
