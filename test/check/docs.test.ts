import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { renderRuleDocs, replaceRuleDocs, RULES_END, RULES_START } from '../../src/core/check/renderRuleDocs.ts'
import { rules } from '../../src/core/check/rules/index.ts'
import { CHECK_FORMATS } from '../../src/core/check/format/formatCheckResult.ts'
import { templates } from './deploymentManifest.ts'

const read = (path: string): string => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8')
const docs = read('docs/check.md')

describe('docs/check.md', () => {
  it('should document every rule under its own heading', () => {
    for (const rule of rules) expect(docs).toContain(`\n### ${rule.id}\n`)
  })

  it('should hold the rules section generated from the rule files (regenerate: npm run generate)', () => {
    const start = docs.indexOf(RULES_START)
    const end = docs.indexOf(RULES_END)
    expect(start).toBeGreaterThan(-1)
    expect(docs.slice(start, end + RULES_END.length)).toBe(renderRuleDocs(rules, templates))
  })

  it('should document every --format, the job summary and the CI files', () => {
    for (const format of CHECK_FORMATS) expect(docs).toContain(`**\`${format}\`**`)
    expect(docs).toContain('\n### Job summary\n')
    for (const file of ['ci/github-actions.yml', 'ci/gitlab-ci.yml', '.pre-commit-hooks.yaml', 'action.yml']) expect(docs).toContain(file)
  })

  it('should name every parse problem the parser reports', () => {
    for (const id of ['encoding', 'frontmatter-engine', 'frontmatter-unclosed', 'frontmatter-yaml', 'unknown-template', 'markdown', 'file-read', 'file-size', 'internal-error']) {
      expect(docs).toContain(`\`${id}\``)
    }
  })
})

describe('replaceRuleDocs', () => {
  it('should replace only what lies between the markers', () => {
    expect(replaceRuleDocs(`# A\n\n${RULES_START}\nold\n${RULES_END}\n\nafter\n`, `${RULES_START}\nnew\n${RULES_END}`)).toBe(
      `# A\n\n${RULES_START}\nnew\n${RULES_END}\n\nafter\n`,
    )
  })

  it('should append the section when the markers are missing', () => {
    expect(replaceRuleDocs('# A\n', 'S')).toBe('# A\n\nS\n')
  })
})
