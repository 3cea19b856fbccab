// One function, not the whole package: every `check` loads this rule.
import semverValid from 'semver/functions/valid.js'
import { keywordOf } from '../../record/readKeyword.ts'
import type { ReleaseRecord } from '../../record/types.ts'
import { frontmatterUnreadable } from '../frontmatterUnreadable.ts'
import type { CheckRule, KeptFacts } from '../types.ts'
import { valuePoint } from '../../record/valuePoint.ts'

/** How many of the other files a diagnostic names; the rest are counted. */
export const NAMED_DUPLICATES = 3

/** `component`, `version` and `environment` as one key, or null when any is missing or unfilled. */
export function releaseKey(record: ReleaseRecord): string | null {
  const { data } = record.frontmatter
  const parts = [data['component'], data['version'], data['environment']]
  if (!parts.every((part): part is string => typeof part === 'string' && part.trim() !== '' && !part.includes('{{'))) return null
  const [component, version, environment] = parts as [string, string, string]
  const cleanVersion = semverValid(version.trim()) ?? version.trim()
  return [keywordOf(component), cleanVersion, keywordOf(environment)].join('\u0000')
}

/** The files of each release key that more than one file shares, sorted. */
function duplicatesOf(kept: readonly KeptFacts[]): Map<string, string[]> {
  const sets = new Map<string, Set<string>>()
  for (const facts of kept) {
    let files = sets.get(facts.key)
    if (!files) sets.set(facts.key, (files = new Set()))
    files.add(facts.file)
  }
  const duplicates = new Map<string, string[]>()
  for (const [key, files] of sets) if (files.size > 1) duplicates.set(key, [...files].sort())
  return duplicates
}

/** The first `NAMED_DUPLICATES` files other than `file`, and how many others there are in all (constant time). */
function othersOf(sorted: readonly string[], file: string): { named: string[]; count: number } {
  const named = sorted.slice(0, NAMED_DUPLICATES + 1).filter((candidate) => candidate !== file).slice(0, NAMED_DUPLICATES)
  return { named, count: sorted.length - 1 }
}

/**
 * `duplicate-release`: two record files for the same component, version and environment.
 * Metrics would count the deployment twice. Components and environments compare
 * case-insensitively; versions as semver (`v2.4.0` is `2.4.0`).
 */
export const duplicateReleaseRule: CheckRule = {
  id: 'duplicate-release',
  description: 'No two records share component, version and environment.',
  severity: 'error',
  docs: [
    '**error** at `version` in each file when two or more records name the same `component`, `version` and `environment`',
    '(component and environment case-insensitive, version compared as semver so `v2.4.0` equals `2.4.0`). Metrics would',
    'count the release twice. Records with an unfilled component, version or environment are not compared.',
    `Each diagnostic names the first ${NAMED_DUPLICATES} other files (in path order) and counts the rest (\`and 12 more\`), so many copies of one release keep the output short.`,
  ].join('\n'),
  examples: {
    good: [
      {
        'releases/checkout/2.4.0.md': '---\ncomponent: checkout\nversion: "2.4.0"\nenvironment: production\n---\n',
        'releases/checkout/2.4.0-staging.md': '---\ncomponent: checkout\nversion: "2.4.0"\nenvironment: staging\n---\n',
      },
    ],
    bad: [
      {
        input: {
          'releases/checkout/2.4.0.md': '---\ncomponent: checkout\nversion: "2.4.0"\nenvironment: production\n---\n',
          'releases/checkout/2.4.0-again.md': '---\ncomponent: Checkout\nversion: v2.4.0\nenvironment: production\n---\n',
        },
        expected: [
          { file: 'releases/checkout/2.4.0-again.md', line: 3, severity: 'error' },
          { file: 'releases/checkout/2.4.0.md', line: 3, severity: 'error' },
        ],
      },
    ],
  },
  check() {
    return []
  },
  across: {
    keep(record) {
      if (frontmatterUnreadable(record)) return null
      const key = releaseKey(record)
      if (key === null) return null
      const { data } = record.frontmatter
      return { key, at: valuePoint(record, ['version']), shown: [data['component'], data['version'], data['environment']].map((v) => String(v).trim()) }
    },
    compare(kept, report) {
      const duplicates = duplicatesOf(kept)
      const messages = []
      for (const facts of kept) {
        const files = facts.checked ? duplicates.get(facts.key) : undefined
        if (!files) continue
        const { named, count } = othersOf(files, facts.file)
        const [component, version, environment] = facts.shown
        const list = named.map((file) => `\`${file}\``).join(', ')
        const more = count > named.length ? ` and ${count - named.length} more` : ''
        messages.push(report(facts, `Unexpected duplicate record of \`${component}\` \`${version}\` in \`${environment}\`, expected one record per component, version and environment (also in ${list}${more})`))
      }
      return messages
    },
  },
}
