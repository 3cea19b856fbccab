import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { atomFeedOf, FEED_ENTRIES } from '../../src/core/feed/atomFeedOf.ts'
import { inRepository } from '../../src/core/record/inRepository.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { deployment, HOSTILE, hostileRelease } from './fixtures.ts'

const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

interface Entry {
  id: string
  title: string
  updated: string
  summary: string
  content: string
  link: string | null
  author: string | null
}

interface ParsedFeed {
  id: string
  title: string
  updated: string
  links: Array<{ rel: string; href: string }>
  entries: Entry[]
}

/** The characters HTML text escapes, decoded: what a feed reader shows of `type="html"` text. */
function decodeHtml(html: string): string {
  return html.replace(/&#(\d+);|&(amp|lt|gt|quot|apos);/g, (_, code: string | undefined, name: string | undefined) =>
    code !== undefined ? String.fromCharCode(Number(code)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name as string] as string,
  )
}

/** Reads an Atom document with fast-xml-parser (an independent XML parser), checking it is well-formed. */
function parse(xml: string): ParsedFeed {
  expect(XMLValidator.validate(xml)).toBe(true)
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    isArray: (name) => ['entry', 'link'].includes(name),
  }).parse(xml)
  const feed = doc.feed
  expect(feed.xmlns).toBe('http://www.w3.org/2005/Atom')
  const text = (node: unknown): string => (typeof node === 'string' ? node : String((node as { '#text': string })['#text']))
  return {
    id: feed.id,
    title: text(feed.title),
    updated: feed.updated,
    links: (feed.link ?? []).map((link: { rel: string; href: string }) => ({ rel: link.rel, href: link.href })),
    entries: (feed.entry ?? []).map((entry: Record<string, unknown>) => {
      for (const key of ['title', 'summary', 'content']) expect((entry[key] as { type: string }).type, key).toBe('html')
      const links = (entry['link'] ?? []) as Array<{ href: string }>
      return {
        id: entry['id'] as string,
        title: decodeHtml(text(entry['title'])),
        updated: entry['updated'] as string,
        summary: decodeHtml(text(entry['summary'])),
        content: text(entry['content']),
        link: links.length === 0 ? null : (links[0] as { href: string }).href,
        author: entry['author'] === undefined ? null : (entry['author'] as { name: string }).name,
      }
    }),
  }
}

const release = (file: string, version: string, status: string, extra: string[] = []): ReleaseRecord =>
  deployment(file, ['release: Checkout', `version: "${version}"`, 'component: payments-api', 'environment: production', `status: ${status}`, 'owner: Marta', ...extra])

const OPTIONS = { title: 'Acme releases', siteUrl: null, releasesDir: 'releases' }

describe('atomFeedOf', () => {
  it('lists releases newest change first, each titled with its current status and dated by its last commit', () => {
    const records = [
      release('releases/2.4.0.md', '2.4.0', 'closed', ['scheduled: "2026-09-01T21:00:00+01:00"']),
      release('releases/2.5.0.md', '2.5.0', 'deployed', ['scheduled: "2026-10-28T21:00:00+01:00"', 'deployed_at: "2026-10-28T22:18:00+01:00"']),
    ]
    const revisions = new Map([
      ['releases/2.4.0.md', { commits: 5, lastUpdated: '2026-10-30T09:00:00+01:00' }],
      ['releases/2.5.0.md', { commits: 2, lastUpdated: '2026-10-29T10:00:00+01:00' }],
    ])
    const feed = parse(atomFeedOf(records, { ...OPTIONS, revisions }))
    expect(feed.title).toBe('Acme releases')
    expect(feed.id).toMatch(URN_UUID)
    // The newest entry's date: 09:00 at +01:00.
    expect(feed.updated).toBe('2026-10-30T08:00:00.000Z')
    expect(feed.entries.map((entry) => [entry.title, entry.updated])).toEqual([
      ['payments-api 2.4.0 (production): closed', '2026-10-30T08:00:00.000Z'],
      ['payments-api 2.5.0 (production): deployed', '2026-10-29T09:00:00.000Z'],
    ])
    expect(feed.entries[1]).toMatchObject({
      summary: 'Release: Checkout · Status: deployed · Environment: production · Scheduled: 2026-10-28 21:00 +01:00 · Owner: Marta',
      content: '<p>Release: Checkout</p><p>Status: deployed</p><p>Environment: production</p><p>Scheduled: 2026-10-28 21:00 +01:00</p><p>Owner: Marta</p>',
      author: 'Marta',
      link: null,
    })
    for (const entry of feed.entries) expect(entry.id).toMatch(URN_UUID)
  })

  it('dates a record outside git by the newest date it holds', () => {
    const records = [release('releases/2.5.0.md', '2.5.0', 'deployed', ['scheduled: "2026-10-28T21:00:00+01:00"', 'updated: "2026-10-16"', 'deployed_at: "2026-10-28T22:18:00+01:00"'])]
    expect(parse(atomFeedOf(records, OPTIONS)).entries[0]?.updated).toBe('2026-10-28T21:18:00.000Z')
  })

  it('keeps an entry id while the status stays and gives a new one when it changes, so readers show the change', () => {
    const planned = release('releases/2.5.0.md', '2.5.0', 'planned', ['scheduled: "2026-10-28T21:00:00+01:00"'])
    const edited = release('releases/2.5.0.md', '2.5.0', 'planned', ['scheduled: "2026-10-29T21:00:00+01:00"'])
    const approved = release('releases/2.5.0.md', '2.5.0', 'approved', ['scheduled: "2026-10-28T21:00:00+01:00"'])
    const idOf = (record: ReleaseRecord): string | undefined => parse(atomFeedOf([record], OPTIONS)).entries[0]?.id
    expect(idOf(planned)).toBe(idOf(planned))
    expect(idOf(edited)).toBe(idOf(planned))
    expect(idOf(approved)).not.toBe(idOf(planned))
    // The whole feed is the same bytes for the same records.
    expect(atomFeedOf([planned], OPTIONS)).toBe(atomFeedOf([planned], OPTIONS))
  })

  it('links the feed and each entry absolutely when the site has an address', () => {
    const records = [release('releases/payments-api/2.5.0.md', '2.5.0', 'deployed', ['scheduled: "2026-10-28T21:00:00+01:00"'])]
    const feed = parse(atomFeedOf(records, { ...OPTIONS, siteUrl: 'https://acme.example/rel/' }))
    expect(feed.links).toEqual([
      { rel: 'alternate', href: 'https://acme.example/rel/' },
      { rel: 'self', href: 'https://acme.example/rel/feed.xml' },
    ])
    expect(feed.entries[0]?.link).toBe('https://acme.example/rel/releases/payments-api/2.5.0.html')
  })

  it('gives the same release of two repositories an entry each, linked to its own page', () => {
    const scheduled = ['scheduled: "2026-10-28T21:00:00+01:00"']
    const records = [
      ...inRepository([release('releases/1.0.0.md', '1.0.0', 'deployed', scheduled)], 'payments'),
      ...inRepository([release('releases/1.0.0.md', '1.0.0', 'deployed', scheduled)], 'search'),
    ]
    const releasesDir = new Map([
      ['payments', 'releases'],
      ['search', 'releases'],
    ])
    const feed = parse(atomFeedOf(records, { ...OPTIONS, siteUrl: 'https://acme.example/rel/', releasesDir }))
    // The site routes `<repository>/releases/1.0.0.md` to `/releases/<repository>/1.0.0.html`.
    expect(feed.entries.map((entry) => entry.link).sort()).toEqual(['https://acme.example/rel/releases/payments/1.0.0.html', 'https://acme.example/rel/releases/search/1.0.0.html'])
    expect(new Set(feed.entries.map((entry) => entry.id)).size).toBe(2)
  })

  it(`holds the ${FEED_ENTRIES} most recently changed releases`, () => {
    const records = Array.from({ length: FEED_ENTRIES + 10 }, (_, i) =>
      release(`releases/1.0.${i}.md`, `1.0.${i}`, 'closed', ['scheduled: "2026-01-01T10:00:00Z"']),
    )
    const revisions = new Map(records.map((record, i) => [record.file, { commits: 1, lastUpdated: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString() }]))
    const feed = parse(atomFeedOf(records, { ...OPTIONS, revisions }))
    expect(feed.entries).toHaveLength(FEED_ENTRIES)
    // Versions 1.0.59 down to 1.0.10: each committed an hour after the one before.
    expect(feed.entries[0]?.title).toBe('payments-api 1.0.59 (production): closed')
    expect(feed.entries.at(-1)?.title).toBe('payments-api 1.0.10 (production): closed')
  })

  it('escapes hostile record text so that a parser reads it back exactly and a reader shows it as text', () => {
    const hostile = hostileRelease('"api <b>bold</b>"', '"O\'Neil\\x07 <script>x</script>"')
    const xml = atomFeedOf([hostile], OPTIONS)
    // No raw markup from the record anywhere in the document.
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain('<b>')
    const entry = parse(xml).entries[0] as Entry
    expect(entry.title).toBe('api <b>bold</b> 1.0.0 (production): planned')
    expect(entry.summary).toBe(`Release: ${HOSTILE} · Status: planned · Environment: production · Scheduled: 2026-10-28 21:00 +01:00 · Owner: O'Neil <script>x</script>`)
    expect(entry.author).toBe("O'Neil <script>x</script>")
  })
})
