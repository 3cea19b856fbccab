import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILD_LIMIT_MS, cliTimeout, runCli } from '../helpers/runCli.ts'
import { copyFixtureProject } from './helpers.ts'

// The built site carries the feed and the calendar at its root, and every page links them.
describe('the built site’s feed and calendar', () => {
  let root: string
  let marker: string

  beforeAll(() => {
    ;({ root, marker } = copyFixtureProject())
    const config = JSON.parse(readFileSync(join(root, 'shiplog.config.json'), 'utf8')) as { site: Record<string, string> }
    config.site['url'] = 'https://acme.example/releases/'
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify(config))
    const result = runCli(['--root', root, 'build', '--quiet'], { env: { CI: '' }, timeoutMs: BUILD_LIMIT_MS })
    expect(result.code, result.stderr).toBe(0)
  }, cliTimeout(1, BUILD_LIMIT_MS))

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it('publishes feed.xml: an Atom entry per release with a readable frontmatter, record text as inert text', () => {
    const xml = readFileSync(join(root, 'dist/feed.xml'), 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false, isArray: (name) => ['entry', 'link'].includes(name) }).parse(xml).feed
    expect(feed.title).toBe('Acme releases')
    expect(feed.link).toEqual([
      { rel: 'alternate', href: 'https://acme.example/releases/' },
      { rel: 'self', href: 'https://acme.example/releases/feed.xml' },
    ])
    // Six records; hostile-js.md's `---js` frontmatter is never read, so it has no identity.
    const titles = (feed.entry as Array<{ title: { '#text': string } }>).map((entry) => entry.title['#text']).sort()
    expect(titles).toEqual([
      'payments-api 2.3.0 (production): closed',
      'payments-api 2.4.0 (production): rolled-back',
      'payments-api 2.4.1 (production): verified',
      'security-lab 6.6.6 (staging): planned',
      'web-storefront 3.2.0 (production): deployed',
      'web-storefront 3.3.0 (staging): in-progress',
    ])
    const links = (feed.entry as Array<{ link: Array<{ href: string }> }>).map((entry) => entry.link[0]?.href).sort()
    expect(links[0]).toBe('https://acme.example/releases/releases/payments-api/2.3.0.html')
    // Record markup reaches the feed only as escaped text; VitePress never processed the file (no include).
    expect(xml).not.toContain('<script>')
    // escapeHtml writes decimal references: < is &#60;, > is &#62;, ' is &#39;.
    expect(xml).toContain('&#60;script&#62;window.__pwned=&#39;title-script&#39;&#60;/script&#62;')
    expect(xml).not.toContain('TOP-SECRET-CONTENT-42')
  })

  it('publishes releases.ics: one event per scheduled release, statuses mapped, hostile text read back exactly', () => {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(root, 'dist/releases.ics'), 'utf8')))
    const events = new Map(
      calendar.getAllSubcomponents('vevent').map((vevent) => [String(vevent.getFirstPropertyValue('summary')), vevent] as const),
    )
    expect([...events.keys()].sort()).toEqual([
      'payments-api 2.3.0 to production',
      'payments-api 2.4.0 to production',
      'payments-api 2.4.1 to production',
      'security-lab 6.6.6 to staging',
      'web-storefront 3.2.0 to production',
      'web-storefront 3.3.0 to staging',
    ])
    const status = (summary: string): string => String(events.get(summary)?.getFirstPropertyValue('status'))
    expect(status('payments-api 2.4.0 to production')).toBe('CONFIRMED')
    expect(status('web-storefront 3.3.0 to staging')).toBe('CONFIRMED')
    expect(status('security-lab 6.6.6 to staging')).toBe('TENTATIVE')
    // Not in git: SEQUENCE 0.
    expect(Number(events.get('payments-api 2.3.0 to production')?.getFirstPropertyValue('sequence'))).toBe(0)
    const hostile = events.get('security-lab 6.6.6 to staging')
    expect(String(hostile?.getFirstPropertyValue('description'))).toBe(
      [
        "Release: <script>window.__pwned='title-script'</script> {{ $options.constructor.constructor('window.__pwned=1')() }} <!--@include: @/../../secret.txt-->",
        'Status: planned',
        'Environment: staging',
        'Scheduled: 2026-03-20 08:00 UTC',
        'Owner: <img src=x onerror="window.__pwned=\'owner\'">',
      ].join('\n'),
    )
    expect(String(hostile?.getFirstPropertyValue('url'))).toBe('https://acme.example/releases/releases/security-lab/hostile.html')
    expect(existsSync(marker)).toBe(false)
  })

  it('links the feed and the calendar from every page: in the head for readers, in the footer for people', () => {
    for (const page of ['index.html', 'metrics.html', 'releases/payments-api/2.4.0.html']) {
      const html = readFileSync(join(root, 'dist', page), 'utf8')
      expect(html, page).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="Releases \(Atom\)" href="\/feed\.xml">/)
      expect(html, page).toMatch(/<link rel="alternate" type="text\/calendar" title="Releases \(iCalendar\)" href="\/releases\.ics">/)
      expect(html, page).toContain('<a href="/feed.xml">Atom feed</a>')
      expect(html, page).toContain('<a href="/releases.ics">calendar (iCalendar)</a>')
    }
  })
})
