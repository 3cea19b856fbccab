import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { SEARCH_MINISEARCH } from '../../site/.vitepress/searchOptions.ts'
import { planSite } from '../../src/core/site/planSite.ts'
import type { SiteSettings } from '../../src/shared/pageData.ts'
import { recordFrom } from '../metrics/loadRecords.ts'

// Local search as the browser runs it: the sections VitePress makes of each page's search text
// (one per heading: id `<page>#<anchor>`, title, parent titles, text), indexed and searched with
// VitePress's defaults and shiplog's `SEARCH_MINISEARCH` over them.

const SETTINGS: SiteSettings = { title: 'T', description: 'D', base: '/', repoUrl: null, nav: [], cacheDir: '/c', outDir: '/o' }

function release(file: string, release: string, version: string, status: string, day: string, extra = ''): { record: ReturnType<typeof recordFrom>; bodyHtml: null } {
  const source = ['---', 'template: deployment', `release: "${release}"`, `version: "${version}"`, 'component: api', 'environment: production', `status: ${status}`, `deployed_at: 2026-03-${day}T10:00:00Z`, '---', '', extra].join('\n')
  return { record: recordFrom(source, file), bodyHtml: null }
}

/** The sections VitePress's `splitPageIntoSections` makes of shiplog's search text (one `<hN id>` heading and its `<p>` each). */
function sectionsOf(plan: Map<string, string>): Array<{ id: string; title: string; titles: string[]; text: string }> {
  const docs: Array<{ id: string; title: string; titles: string[]; text: string }> = []
  for (const [path, content] of plan) {
    if (!path.startsWith('data/search/')) continue
    const page = `/${path.slice('data/search/'.length).replace(/\.txt$/, '.html')}`
    let parent = ''
    for (const m of content.matchAll(/<h(\d) id="([^"]+)">(.*?) <a[^>]*><\/a><\/h\d>\n<p>(.*?)<\/p>/g)) {
      const [, level, anchor = '', title = '', text = ''] = m
      if (level === '1') parent = title
      docs.push({ id: `${page}#${anchor}`, title, titles: level === '1' ? [] : [parent], text })
    }
  }
  return docs
}

function searchWith(docs: ReturnType<typeof sectionsOf>, query: string): string[] {
  // What VitePress passes MiniSearch, in Node (`options`) and in the browser (`searchOptions` over its defaults).
  const index = new MiniSearch({
    fields: ['title', 'titles', 'text'],
    storeFields: ['title', 'titles'],
    ...SEARCH_MINISEARCH.options,
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 }, ...SEARCH_MINISEARCH.searchOptions },
  })
  index.addAll(docs)
  return index.search(query).map((result) => String(result.id))
}

describe('local search ranking', () => {
  const plan = planSite(
    [
      // 4.0.2 has the same digits as 2.4.0 and a shorter title: split into digits, it would rank first.
      release('releases/auth/4.0.2.md', 'Auth', '4.0.2', 'closed', '01'),
      release('releases/api/2.4.0.md', 'Payments API', '2.4.0', 'rolled-back', '09', '## Post-Deployment Validation\n\n**Stakeholder Sign-off**:\n\n- [x] Product Owner: Zanele Okafor\n'),
      release('releases/api/2.4.1.md', 'Payments API', '2.4.1', 'verified', '10'),
      release('releases/api/2.3.0.md', 'Payments API', '2.3.0', 'closed', '02'),
    ],
    { settings: SETTINGS, releasesDir: 'releases', repo: null },
  )
  const docs = sectionsOf(plan)

  it('ranks the release whose version is searched first, its summary titled with its status', () => {
    const results = searchWith(docs, '2.4.0')
    expect(results[0]).toBe('/releases/api/2.4.0.html#shiplog-summary')
    expect(docs.find((d) => d.id === results[0])?.title).toBe('Payments API 2.4.0 · rolled-back')
    // 4.0.2 shares only digits with 2.4.0: not a match at all.
    expect(results.some((id) => id.startsWith('/releases/auth/4.0.2.html'))).toBe(false)
  })

  it('finds a release by the name of someone who signed it off', () => {
    expect(searchWith(docs, 'Zanele')[0]).toBe('/releases/api/2.4.0.html#shiplog-people')
  })

  it('keeps the functions VitePress ships to the browser self-contained', () => {
    // VitePress sends them as source text and rebuilds them with `new Function`: no outside names.
    const rebuilt = <T>(fn: T): T => new Function(`return ${String(fn)}`)() as T
    expect(rebuilt(SEARCH_MINISEARCH.searchOptions.tokenize)('payments 2.4.0')).toEqual(['2.4.0', 'payments'])
    expect(rebuilt(SEARCH_MINISEARCH.options.tokenize)('Payments API 2.4.0')).toEqual(['Payments', 'API', '2', '4', '0', '2.4.0'])
    expect(rebuilt(SEARCH_MINISEARCH.searchOptions.boostDocument)('/releases/api/2.4.0.html#shiplog-summary')).toBe(2)
    expect(rebuilt(SEARCH_MINISEARCH.searchOptions.boostDocument)('/components/api.html#shiplog-summary')).toBe(1)
  })
})
