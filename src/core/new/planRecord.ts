import { parse as parseYaml } from 'yaml'
import { applyRenamed } from '../template/applyRenamed.ts'
import { renderTemplate } from '../template/renderTemplate.ts'
import type { TemplateManifest } from '../template/types.ts'
import { assertSafeSegment, recordPath } from './recordPath.ts'
import { resolveChoices } from './resolveChoices.ts'

export interface PlanRecordOptions {
  template: { name: string; file: string; source: string; manifest: TemplateManifest | null }
  version: string
  /** Values by template variable name (`--values`, `--set`, git, prompts), applied over the manifest's defaults. */
  values: { [name: string]: unknown }
  /**
   * Where each value came from, for messages (`values.yaml:3:10`, `--set variant=bogus`, `prompt`);
   * a value without one is named by its variable alone.
   */
  origins?: { [name: string]: string }
  releasesDir: string
  fileName: string
  /** The moment the record is created (fills `{{date}}`). */
  now: Date
}

export interface PlannedRecord {
  /** Path relative to the project root, with `/`. */
  path: string
  text: string
  /** Template variables left as `{{name}}`. */
  missing: string[]
  /** Values given under a deprecated variable name (`applyRenamed`): one line each, for stderr. */
  warnings: string[]
}

/**
 * Renders a template into the text and path of a new record, without touching the disk.
 * The version fills `release_version` (and `version`); `date` defaults to today (UTC).
 *
 * Every value given for a variable with declared `choices` (from `--set`, a values file, git or
 * the prompt: all pass through here) must name one of them, and is written in the template's
 * spelling; any other is a ShiplogError, exit 2 (`resolveChoices`).
 *
 * A value given under a former variable name (the manifest's `renamed:`) fills the variables that
 * took over its cells, with a warning (`applyRenamed`).
 */
export function planRecord(options: PlanRecordOptions): PlannedRecord {
  assertSafeSegment('version', options.version)
  const variables = options.template.manifest?.variables ?? {}
  const values: { [name: string]: unknown } = Object.create(null)
  for (const [name, variable] of Object.entries(variables)) {
    if (variable.default !== undefined) values[name] = variable.default
  }
  values['date'] = options.now.toISOString().slice(0, 10)
  const renamed = applyRenamed(options.template.manifest, options.values, options.origins, options.template.name)
  for (const [name, value] of Object.entries(resolveChoices(variables, renamed.values, options.origins))) values[name] = value
  values['release_version'] = options.version
  values['version'] = options.version
  const { text, missing } = renderTemplate(options.template.source, { file: options.template.file, values })
  const frontmatter = readFrontmatter(text)
  const path = recordPath(options.releasesDir, options.fileName, {
    version: options.version,
    component: plainValue(frontmatter['component']),
    environment: plainValue(frontmatter['environment']),
  })
  return { path, text, missing, warnings: renamed.warnings }
}

function readFrontmatter(text: string): { [key: string]: unknown } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)
  if (!match) return {}
  try {
    const data: unknown = parseYaml(match[1] ?? '', { schema: 'failsafe' })
    return typeof data === 'object' && data !== null ? (data as { [key: string]: unknown }) : {}
  } catch {
    return {}
  }
}

function plainValue(value: unknown): string | undefined {
  return typeof value === 'string' && !/\{\{/.test(value) ? value : undefined
}
