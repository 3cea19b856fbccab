import { describe, expect, it } from 'vitest'
import { planSite, type SiteRecord } from '../../src/core/site/planSite.ts'
import { releasePageOf } from '../../src/core/site/releasePageOf.ts'
import type { HomePage } from '../../src/shared/pageData.ts'
import { record } from '../metrics/loadRecords.ts'

// Deployed 2026-11-27 10:15 at +11:00, which is 2026-11-26 23:15 UTC.
const SYDNEY = record({
  file: 'releases/2.4.0.md',
  frontmatter: [
    'release: Checkout',
    'version: "2.4.0"',
    'environment: production',
    'status: deployed',
    'scheduled: 2026-11-27T10:00:00+11:00',
    'deployed_at: 2026-11-27T10:15:00+11:00',
    'changes:',
    '  - id: C-1',
    '    committed_at: 2026-11-26T16:00:00+11:00',
  ].join('\n'),
  timeline: ['| Application deployment | 10:00 | 10:15 | 15m | done | |'],
})
// Deployed 2026-03-04 14:30 at +01:00 = 13:30 UTC = 2026-03-05 00:30 in Sydney (daylight time, +11:00).
const PARIS = record({
  file: 'releases/3.0.0.md',
  frontmatter: ['version: "3.0.0"', 'environment: production', 'status: deployed', 'scheduled: 2026-03-04T14:00:00+01:00', 'deployed_at: 2026-03-04T14:30:00+01:00'].join('\n'),
})

describe('dates on the site', () => {
  it('lists a release on the day of the offset it was written with, not the UTC day', () => {
    const page = releasePageOf(SYDNEY, { id: '2.4.0' })
    expect(page.summary.whenText).toBe('2026-11-27')
    expect(page.deployedAt).toEqual({ at: '2026-11-26T23:15:00.000Z', text: '2026-11-27 10:15 +11:00', source: 'deployed_at' })
    expect(page.fields.find((field) => field.label === 'Deployed at')?.value).toBe('2026-11-27 10:15 +11:00')
    expect(page.timeline?.offsetMinutes).toBe(660)
  })

  it('shows every date in the configured timezone when there is one', () => {
    // 2026-11-26 23:15 UTC in New York (standard time, −05:00) is 18:15 on the 26th
    const page = releasePageOf(SYDNEY, { id: '2.4.0', timeZone: 'America/New_York' })
    expect(page.summary.whenText).toBe('2026-11-26')
    expect(page.deployedAt?.text).toBe('2026-11-26 18:15 -05:00')
    expect(page.fields.find((field) => field.label === 'Deployed at')?.value).toBe('2026-11-26 18:15 -05:00')
    expect(page.fields.find((field) => field.label === 'Scheduled')?.value).toBe('2026-11-26 18:00 -05:00')
    // committed 2026-11-26 05:00 UTC → 00:00 in New York
    expect(page.changes[0]?.committedAt).toBe('2026-11-26 00:00 -05:00')
    expect(page.timeline?.offsetMinutes).toBe(-300)
  })

  it('lists the home page releases by the same rule (configured Australia/Sydney)', () => {
    const records: SiteRecord[] = [SYDNEY, PARIS].map((r) => ({ record: r, bodyHtml: null }) as SiteRecord)
    const options = {
      settings: { title: 'Releases', description: '', base: '/', repoUrl: null, nav: [], cacheDir: '/c', outDir: '/o' },
      releasesDir: 'releases',
      repo: null,
    }
    const whenTexts = (timeZone?: string): Array<[string, string | null]> => {
      const home = JSON.parse(planSite(records, timeZone ? { ...options, timeZone } : options).get('data/home.json') ?? '{}') as HomePage
      return home.releases.map((r) => [r.file, r.whenText])
    }
    expect(whenTexts()).toEqual([
      ['releases/2.4.0.md', '2026-11-27'],
      ['releases/3.0.0.md', '2026-03-04'],
    ])
    expect(whenTexts('Australia/Sydney')).toEqual([
      ['releases/2.4.0.md', '2026-11-27'],
      ['releases/3.0.0.md', '2026-03-05'],
    ])
  })
})
