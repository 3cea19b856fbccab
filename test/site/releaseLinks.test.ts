import { describe, expect, it } from 'vitest'
import { notFoundPageOf, planSite } from '../../src/core/site/planSite.ts'
import { recordBodyOf } from '../../src/core/site/recordBodyOf.ts'
import { releasePageOf } from '../../src/core/site/releasePageOf.ts'
import { renderRecordBody } from '../../src/core/site/renderRecordBody.ts'
import { commitUrl, editUrl, sourceUrl } from '../../src/core/site/repoLinks.ts'
import { releaseSearchHtml } from '../../src/core/site/searchHtmlOf.ts'
import type { NotFoundPage, SiteSettings } from '../../src/shared/pageData.ts'
import { recordFrom } from '../metrics/loadRecords.ts'

const GITHUB = { url: 'https://github.com/acme/releases', branch: 'main' }
const SHA = 'a1b2c3d'
const FULL_SHA = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678'

// Deployed 2026-11-27 10:15 at +11:00 (2026-11-26 23:15 UTC); signed off by Ana Ruiz and Femi Adeyemi.
const SOURCE = [
  '---',
  'template: deployment',
  'release: "Payments API"',
  'version: "2.4.0"',
  'environment: production',
  'status: deployed',
  'owner: Dana Lee',
  'scheduled: 2026-11-27T10:00:00+11:00',
  'deployed_at: 2026-11-27T10:15:00+11:00',
  'changes:',
  `  - id: "${SHA}"`,
  '    title: Ledger schema',
  '    author: Sam Ng',
  '    committed_at: 2026-11-26T16:00:00+11:00',
  '  - id: PAY-110',
  '    title: Not a commit id',
  `  - id: "${FULL_SHA}"`,
  '    url: https://example.com/pr/1',
  '---',
  '',
  '# Payments API 2.4.0',
  '',
  '## Deployment Execution',
  '',
  '### Deployment Timeline',
  '',
  '| Phase | Start Time | End Time | Duration | Status | Notes |',
  '|-------|------------|----------|----------|--------|-------|',
  '| Application deployment | 10:00 | 10:15 | 15m | done | |',
  '',
  '### Go-Live',
  '',
  '- [x] Traffic switched',
  '',
  '## Post-Deployment Validation',
  '',
  '**Stakeholder Sign-off**:',
  '',
  '- [x] Product Owner: Ana Ruiz',
  '- [x] QA Lead: Femi Adeyemi',
  '- [ ] Security Officer: TBD',
  '',
].join('\n')

const FILE = 'releases/payments/2.4.0.md'
const record = recordFrom(SOURCE, FILE)

describe('links on release pages', () => {
  it('links a commit id to the commit, the file to its source and to its edit page on GitHub', () => {
    const page = releasePageOf(record, { id: 'payments/2.4.0', repo: GITHUB })
    expect(page.changes.map((c) => c.url)).toEqual([
      'https://github.com/acme/releases/commit/a1b2c3d',
      null, // PAY-110 is not a commit id
      'https://example.com/pr/1', // the change's own url wins
    ])
    expect(page.sourceUrl).toBe('https://github.com/acme/releases/blob/main/releases/payments/2.4.0.md')
    expect(page.editUrl).toBe('https://github.com/acme/releases/edit/main/releases/payments/2.4.0.md')
  })

  it('makes no link at all without site.repoUrl', () => {
    const page = releasePageOf(record, { id: 'payments/2.4.0' })
    expect(page.changes.map((c) => c.url)).toEqual([null, null, 'https://example.com/pr/1'])
    expect(page.sourceUrl).toBeNull()
    expect(page.historyUrl).toBeNull()
    expect(page.editUrl).toBeNull()
  })

  it('uses GitLab shapes on a GitLab host, and no edit link on an unknown host', () => {
    const gitlab = { url: 'https://gitlab.com/acme/releases/', branch: 'main' }
    expect(commitUrl(gitlab, FULL_SHA)).toBe('https://gitlab.com/acme/releases/-/commit/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678')
    expect(editUrl(gitlab, 'releases/2.4.0.md')).toBe('https://gitlab.com/acme/releases/-/edit/main/releases/2.4.0.md')
    const other = { url: 'https://git.example.org/acme/releases', branch: 'main' }
    expect(commitUrl(other, SHA)).toBe('https://git.example.org/acme/releases/commit/a1b2c3d')
    expect(editUrl(other, 'releases/2.4.0.md')).toBeNull()
  })

  it('escapes paths and branches in every address and refuses a repository address that is not http(s)', () => {
    const repo = { url: 'https://github.com/acme/releases', branch: 'release/2 "4"' }
    expect(sourceUrl(repo, 'releases/My "Release" <b>.md')).toBe('https://github.com/acme/releases/blob/release/2%20%224%22/releases/My%20%22Release%22%20%3Cb%3E.md')
    expect(editUrl(repo, 'releases/a b.md')).toBe('https://github.com/acme/releases/edit/release/2%20%224%22/releases/a%20b.md')
    for (const url of ['javascript:alert(1)//github.com', 'data:text/html,x', 'ftp://github.com/acme']) {
      const bad = { url, branch: 'main' }
      expect([commitUrl(bad, SHA), sourceUrl(bad, FILE), editUrl(bad, FILE)]).toEqual([null, null, null])
    }
    // Not a commit id: too short, not hexadecimal, or with anything around it.
    for (const id of ['abc123', 'a1b2c3g', `${SHA}/../x`, ` ${SHA}"`]) expect(commitUrl(GITHUB, id)).toBeNull()
  })

  it('links each stage of the progress to the heading the record body gives it', () => {
    const page = releasePageOf(record, { id: 'payments/2.4.0', repo: GITHUB })
    expect(page.stages.map((s) => [s.name, s.anchor])).toEqual([
      ['Deployment Execution', 'deployment-execution'],
      ['Post-Deployment Validation', 'post-deployment-validation'],
    ])
    const body = renderRecordBody(recordBodyOf(SOURCE) ?? '', { file: FILE, repo: GITHUB })
    for (const stage of page.stages) expect(body).toContain(`id="${stage.anchor}"`)
  })
})

describe('dates on release pages', () => {
  it('shows written date-times in their own offset, with the instant for <time datetime>', () => {
    const page = releasePageOf(record, { id: 'payments/2.4.0' })
    expect(page.fields.filter((f) => f.datetime !== undefined)).toEqual([
      { label: 'Scheduled', value: '2026-11-27 10:00 +11:00', datetime: '2026-11-26T23:00:00.000Z' },
      { label: 'Deployed at', value: '2026-11-27 10:15 +11:00', datetime: '2026-11-26T23:15:00.000Z' },
    ])
    expect(page.changes[0]).toMatchObject({ committedAt: '2026-11-26 16:00 +11:00', committedIso: '2026-11-26T05:00:00.000Z' })
    // The timeline's Start and End Time columns, read on the scheduled day at +11:00.
    expect(page.timeline?.rows[0]).toMatchObject({ startCell: 1, endCell: 2, start: '2026-11-26T23:00:00.000Z', end: '2026-11-26T23:15:00.000Z' })
  })

  it('says when the record was last committed, in the offset git wrote', () => {
    const page = releasePageOf(record, { id: 'payments/2.4.0', lastUpdated: '2026-03-05T09:30:00-05:00' })
    expect(page.lastUpdated).toEqual({ iso: '2026-03-05T14:30:00.000Z', text: '2026-03-05 09:30 -05:00' })
    expect(releasePageOf(record, { id: 'payments/2.4.0' }).lastUpdated).toBeNull()
  })

  it('passes each file its own last-updated date through planSite', () => {
    const settings: SiteSettings = { title: 'T', description: 'D', base: '/', repoUrl: null, nav: [], cacheDir: '/c', outDir: '/o' }
    const plan = planSite([{ record, bodyHtml: null }], {
      settings,
      releasesDir: 'releases',
      repo: null,
      lastUpdated: new Map([[FILE, '2026-03-05T09:30:00-05:00']]),
    })
    const data = JSON.parse(plan.get('data/releases/payments/2.4.0.json') ?? '{}')
    expect(data.lastUpdated).toEqual({ iso: '2026-03-05T14:30:00.000Z', text: '2026-03-05 09:30 -05:00' })
  })
})

describe('what search indexes for a release', () => {
  it('names the owner, the sign-off names and the change authors, and puts the status in the title', () => {
    const page = releasePageOf(record, { id: 'payments/2.4.0' })
    expect(page.people).toEqual([
      { role: 'Owner', name: 'Dana Lee' },
      { role: 'Product Owner', name: 'Ana Ruiz' },
      { role: 'QA Lead', name: 'Femi Adeyemi' },
      { role: 'Author', name: 'Sam Ng' },
    ])
    const html = releaseSearchHtml(page)
    expect(html).toContain('<h1 id="shiplog-summary">Payments API 2.4.0 · deployed <a class="header-anchor" href="#shiplog-summary"></a></h1>')
    expect(html).toContain('<h2 id="shiplog-people">People <a class="header-anchor" href="#shiplog-people"></a></h2>\n<p>Owner: Dana Lee · Product Owner: Ana Ruiz · QA Lead: Femi Adeyemi · Author: Sam Ng</p>')
  })
})

describe('the 404 page data', () => {
  it('lists the five most recent releases, newest first, with their status', () => {
    const at = (version: string, day: string, status: string) =>
      recordFrom(['---', 'template: deployment', `version: "${version}"`, 'environment: production', `status: ${status}`, `deployed_at: 2026-03-${day}T10:00:00Z`, '---', ''].join('\n'), `releases/${version}.md`)
    const settings: SiteSettings = { title: 'T', description: 'D', base: '/', repoUrl: null, nav: [], cacheDir: '/c', outDir: '/o' }
    const records = [at('1.0.0', '01', 'closed'), at('1.1.0', '05', 'closed'), at('1.2.0', '03', 'closed'), at('2.0.0', '09', 'rolled-back'), at('2.0.1', '10', 'deployed'), at('2.1.0', '12', 'deployed')]
    const plan = planSite(records.map((r) => ({ record: r, bodyHtml: null })), { settings, releasesDir: 'releases', repo: null })
    const data = JSON.parse(plan.get('data/not-found.json') ?? '{}') as NotFoundPage
    expect(data.latest.map((r) => [r.title, r.status, r.whenText, r.href])).toEqual([
      ['2.1.0', 'deployed', '2026-03-12', '/releases/2.1.0.html'],
      ['2.0.1', 'deployed', '2026-03-10', '/releases/2.0.1.html'],
      ['2.0.0', 'rolled-back', '2026-03-09', '/releases/2.0.0.html'],
      ['1.1.0', 'closed', '2026-03-05', '/releases/1.1.0.html'],
      ['1.2.0', 'closed', '2026-03-03', '/releases/1.2.0.html'],
    ])
    expect(notFoundPageOf([]).latest).toEqual([])
  })
})
