import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseRecord } from '../../src/core/record/index.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The text of a bundled template. */
export function bundledSource(name: string): string {
  return readFileSync(join(ROOT, 'templates', `${name}.md`), 'utf8')
}

/** The manifests of every bundled template, as `loadProject` gives them to the parser. */
export const manifests: { [name: string]: TemplateManifest } = Object.fromEntries(
  readdirSync(join(ROOT, 'templates'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const name = file.slice(0, -3)
      const parsed = parseManifest(bundledSource(name), name)
      if (!parsed.manifest) throw new Error(`templates/${file}: ${JSON.stringify(parsed.problems)}`)
      return [name, parsed.manifest]
    }),
)

/** Parses a record text as `releases/<file>` with the bundled templates' rules. */
export function recordOf(text: string, file = 'releases/test.md'): ReleaseRecord {
  return parseRecord(text, { file, templates: manifests, defaultTemplate: 'deployment' })
}

/** The records of `test/fixtures/templates/<template>/releases`, keyed by version. */
export function fixtureRecords(template: string): Map<string, ReleaseRecord> {
  const dir = join(ROOT, 'test/fixtures/templates', template, 'releases')
  const records = new Map<string, ReleaseRecord>()
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md')).sort()) {
    records.set(file.slice(0, -3), recordOf(readFileSync(join(dir, file), 'utf8'), `releases/${file}`))
  }
  return records
}

/** `[stage, group, role, done, total, counted]` of every group, as `status` counts them. */
export type GroupRow = [string, string, string, number, number, boolean]
