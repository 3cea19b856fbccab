import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckResult } from '../types.ts'
import { CHECK_RULES, DOCS_URL, ruleDocsUrl, type RuleInfo } from './ruleInfo.ts'

export interface SarifOptions {
  /** shiplog's version, for `tool.driver.version` (the CLI passes package.json's). */
  version?: string
  /** The rules that ran (default: the check rules); rule ids met only in messages are added. */
  rules?: readonly RuleInfo[]
}

/** The uriBaseId of every location: the project root, which file paths are relative to. */
export const SARIF_ROOT = 'PROJECTROOT'

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const

/**
 * SARIF 2.1.0 (OASIS), for GitHub code scanning and other static-analysis viewers: one run whose
 * driver lists every rule with its documentation (`helpUri`), then one result per diagnostic with
 * its rule, level (`error`, `warning`, `note`), message and place (`uri` relative to the project
 * root, forward slashes, under `uriBaseId` PROJECTROOT; 1-based `startLine` and `startColumn`).
 */
export function formatSarif(result: CheckResult, options: SarifOptions = {}): string {
  const descriptors: RuleInfo[] = [...(options.rules ?? CHECK_RULES)]
  const index = new Map(descriptors.map((rule, i) => [rule.id, i]))
  for (const diagnostic of result.diagnostics) {
    if (!index.has(diagnostic.ruleId)) {
      index.set(diagnostic.ruleId, descriptors.length)
      descriptors.push({ id: diagnostic.ruleId, description: `A problem reading the file (${diagnostic.ruleId}).` })
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shiplog',
            ...(options.version === undefined ? {} : { version: options.version }),
            informationUri: `${DOCS_URL}check.md`,
            rules: descriptors.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
            })),
          },
        },
        originalUriBaseIds: {
          [SARIF_ROOT]: { description: { text: 'The project root: the folder holding shiplog.config.* (or the one check ran in).' } },
        },
        results: result.diagnostics.map((d) => resultOf(d, index.get(d.ruleId) ?? 0)),
      },
    ],
  }
  return `${JSON.stringify(sarif, null, 2)}\n`
}

function resultOf(d: PlacedMessage, ruleIndex: number): object {
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text: d.reason },
    ...(d.file === ''
      ? {}
      : {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(d.file), uriBaseId: SARIF_ROOT },
                region: { startLine: d.line, startColumn: d.column },
              },
            },
          ],
        }),
  }
}

/**
 * A project-relative path as a relative URI reference: `/` separators, each segment
 * percent-encoded (a `#`, `?`, `%`, `:` or space in a file name must not read as URI syntax).
 */
export function fileUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/:/g, '%3A'))
    .join('/')
}
