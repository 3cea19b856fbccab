import matter from 'gray-matter'
import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'

export interface SplitFrontmatter {
  /** The frontmatter language as written after the opening `---` (lower-cased, '' for none). */
  language: string
  /**
   * The YAML text, preceded by one empty line per line before it, so offsets in it map to
   * lines of the file; null when there is no YAML to read.
   */
  yaml: string | null
  /** Line of the opening `---`, or null when the record has no frontmatter. */
  startLine: number | null
  /** Line of the closing `---`, or null. */
  endLine: number | null
  /** The file with every frontmatter line emptied, so body positions are file positions. */
  body: string
  problems: PlacedMessage[]
}

const YAML_LANGUAGES = new Set(['', 'yaml', 'yml'])

const reject = (language: string) => (): never => {
  throw new Error(`Unexpected \`---${language}\` frontmatter, expected YAML`)
}

/**
 * gray-matter options that never evaluate anything: YAML is returned unparsed (the `yaml`
 * package reads it, with positions) and every other engine throws. Passing an options object
 * also keeps gray-matter from caching results by input text.
 */
const GRAY_MATTER_OPTIONS = {
  language: 'yaml',
  excerpt: false,
  engines: {
    yaml: { parse: () => Object.create(null) as object },
    js: reject('js'),
    javascript: reject('javascript'),
    coffee: reject('coffee'),
    coffeescript: reject('coffeescript'),
    cson: reject('cson'),
    json: reject('json'),
    toml: reject('toml'),
  },
}

/**
 * Finds a record's frontmatter: a first line `---` (or `---yaml`) up to the next line that starts
 * with `---`. Any other language (`---js`, `---json`, `---toml`, …) is reported and never
 * evaluated; gray-matter is called only for YAML.
 */
export function splitFrontmatter(text: string): SplitFrontmatter {
  const none: SplitFrontmatter = { language: '', yaml: null, startLine: null, endLine: null, body: text, problems: [] }
  if (!text.startsWith('---') || text.charAt(3) === '-') return none

  const firstBreak = text.indexOf('\n')
  const opening = firstBreak === -1 ? text : text.slice(0, firstBreak)
  const language = opening.slice(3).trim().toLowerCase()
  const closing = firstBreak === -1 ? -1 : text.indexOf('\n---', firstBreak)
  const problems: PlacedMessage[] = []

  if (!YAML_LANGUAGES.has(language)) {
    problems.push(messageAt(`Unexpected \`${opening.trim()}\` frontmatter, expected YAML (\`---\`)`, { place: { line: 1, column: 1 }, ruleId: 'frontmatter-engine' }))
  }
  if (closing === -1) {
    problems.push(messageAt('Unexpected unclosed frontmatter, expected a closing `---` line', { place: { line: 1, column: 1 }, ruleId: 'frontmatter-unclosed' }))
    return { ...none, language, startLine: 1, problems }
  }

  const closingEnd = text.indexOf('\n', closing + 1)
  const endLine = countLines(text, closing + 1)
  const body = '\n'.repeat(closingEnd === -1 ? endLine - 1 : endLine) + (closingEnd === -1 ? '' : text.slice(closingEnd + 1))

  if (problems.length > 0) {
    return { language, yaml: null, startLine: 1, endLine, body, problems }
  }
  // The matter starts with the line break that ends the opening line, so line 1 of it is line 1 of the file.
  const yaml = matter(text, GRAY_MATTER_OPTIONS).matter
  return { language, yaml, startLine: 1, endLine, body, problems }
}

/** The 1-based line on which `offset` lies. */
function countLines(text: string, offset: number): number {
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++
  return line
}
