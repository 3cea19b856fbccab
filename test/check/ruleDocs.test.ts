import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECK_RULES, DOCS_URL, ruleDocsUrl } from '../../src/core/check/format/ruleInfo.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { homepage: string; repository: { type: string; url: string }; bugs: string }
const checkDocs = readFileSync(join(REPO_ROOT, 'docs/check.md'), 'utf8')

/** GitHub's anchor for a heading: lower-cased, punctuation but `-` and `_` dropped, spaces as `-`. */
const anchorOf = (heading: string): string => heading.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-')

describe('the links to the rules’ documentation', () => {
  it('should point into the repository package.json declares', () => {
    // git+https://github.com/shiplog/shiplog.git → https://github.com/shiplog/shiplog/blob/main/docs/
    const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')
    expect(DOCS_URL).toBe(`${repository}/blob/main/docs/`)
    expect(pkg.homepage).toBe(`${repository}#readme`)
    expect(pkg.bugs).toBe(`${repository}/issues`)
  })

  it('should lead to a heading of docs/check.md for every rule and for the problems of reading', () => {
    const anchors = new Set([...checkDocs.matchAll(/^#{2,3} (.+)$/gm)].map((match) => anchorOf(match[1] as string)))
    for (const id of [...CHECK_RULES.map((rule) => rule.id), 'frontmatter-yaml']) {
      const url = ruleDocsUrl(id)
      expect(url.startsWith(`${DOCS_URL}check.md#`)).toBe(true)
      expect(anchors, url).toContain(url.slice(url.indexOf('#') + 1))
    }
    expect(ruleDocsUrl('frontmatter-yaml')).toBe(`${DOCS_URL}check.md#problems-reading-a-record`)
  })
})
