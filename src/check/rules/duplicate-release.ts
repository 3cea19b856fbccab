import semver from 'semver'
import type { ReleaseRecord } from '../../record/types.ts'
import { frontmatterUnreadable } from '../frontmatterUnreadable.ts'
import type { CheckContext, CheckRule } from '../types.ts'
import { valuePoint } from '../valuePoint.ts'

/** Files by release key, computed once per check run. */
const indexes = new WeakMap<CheckContext, Map<string, string[]>>()

/** `component`, `version` and `environment` as one key, or null when any is missing or unfilled. */
export function releaseKey(record: ReleaseRecord): string | null {
  const { data } = record.frontmatter
  const parts = [data['component'], data['version'], data['environment']]
  if (!parts.every((part): part is string => typeof part === 'string' && part.trim() !== '' && !part.includes('{{'))) return null
  const [component, version, environment] = parts as [string, string, string]
  const cleanVersion = semver.valid(version.trim()) ?? version.trim()
  return [component.trim().toLowerCase(), cleanVersion, environment.trim().toLowerCase()].join('\u0000')
}

function indexOf(context: CheckContext): Map<string, string[]> {
  let index = indexes.get(context)
  if (index) return index
  index = new Map()
  for (const record of context.records) {
    if (frontmatterUnreadable(record)) continue
    const key = releaseKey(record)
    if (key === null) continue
    const files = index.get(key) ?? []
    if (!files.includes(record.file)) files.push(record.file)
    index.set(key, files)
  }
  indexes.set(context, index)
  return index
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
  check(record, context) {
    if (frontmatterUnreadable(record)) return []
    const key = releaseKey(record)
    if (key === null) return []
    const files = indexOf(context).get(key) ?? []
    const others = files.filter((file) => file !== record.file)
    if (others.length === 0) return []
    const { data } = record.frontmatter
    const [component, version, environment] = [data['component'], data['version'], data['environment']].map((v) => String(v).trim())
    return [
      {
        ...valuePoint(record, ['version']),
        message: `Unexpected duplicate record of \`${component}\` \`${version}\` in \`${environment}\`, expected one record per component, version and environment (also in ${others.map((file) => `\`${file}\``).join(', ')})`,
      },
    ]
  },
}
