import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'

const security = readFileSync(join(REPO_ROOT, 'SECURITY.md'), 'utf8')

/** The claims: the bullets of every section but the trust model and how to report. */
function claims(): string[] {
  const sections = security.split(/^## /m).slice(1)
  return sections
    .filter((section) => !/^(Trust model|Reporting a vulnerability)/.test(section))
    .flatMap((section) => section.split(/^- /m).slice(1))
    .map((bullet) => bullet.split(/\n(?!  )/)[0] as string)
}

const TEST_REFERENCE = /`(test\/[^`]+\.test\.ts)` › "([^"]+)"/g
const FIXTURE_REFERENCE = /`(test\/fixtures\/bad-input\/[a-z0-9-]+)`/g

describe('SECURITY.md', () => {
  it('should back every claim with a test or a corpus case', () => {
    const list = claims()
    expect(list.length).toBeGreaterThan(20)
    for (const claim of list) expect(claim, claim).toMatch(/`test\/[^`]+`/)
  })

  it('should name tests that exist, by their file and title', () => {
    const references = [...security.matchAll(TEST_REFERENCE)]
    expect(references.length).toBeGreaterThan(30)
    for (const [, file, title] of references) {
      const path = join(REPO_ROOT, file as string)
      expect(existsSync(path), file).toBe(true)
      const source = readFileSync(path, 'utf8')
      // Titles are single-quoted in the tests (with `\'` for an apostrophe) or built from a list.
      expect(source.includes(title as string) || source.includes((title as string).replace(/'/g, "\\'")), `${file} › ${title}`).toBe(true)
    }
  })

  it('should name corpus cases that exist', () => {
    const cases = [...security.matchAll(FIXTURE_REFERENCE)]
    expect(cases.length).toBeGreaterThan(10)
    for (const [, folder] of cases) expect(existsSync(join(REPO_ROOT, folder as string, 'expected.json')), folder).toBe(true)
  })
})
