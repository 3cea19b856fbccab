import { rules } from '../rules/index.ts'

/**
 * Where shiplog's documentation lives: the `docs/` folder of the repository package.json declares
 * (`repository`, `homepage`; test/check/ruleDocs.test.ts keeps the two in step). The SARIF format
 * links every rule to its section of docs/check.md from here.
 */
export const DOCS_URL = 'https://github.com/shiplog/shiplog/blob/main/docs/'

/** A rule as the report formats name it: its id and one sentence saying what it reports. */
export interface RuleInfo {
  id: string
  description: string
}

/** The check rules, in documentation order: what `check` runs on records. */
export const CHECK_RULES: readonly RuleInfo[] = rules.map(({ id, description }) => ({ id, description }))

const CHECK_RULE_IDS = new Set(CHECK_RULES.map((rule) => rule.id))

/**
 * The documentation of a rule id: its section of docs/check.md (the heading the rule docs
 * generator writes, `### <id>`), or for the problems met reading a record or template
 * (`frontmatter-yaml`, `encoding`, `template-syntax`…) the section about those.
 */
export function ruleDocsUrl(id: string): string {
  return CHECK_RULE_IDS.has(id) ? `${DOCS_URL}check.md#${id}` : `${DOCS_URL}check.md#problems-reading-a-record`
}
