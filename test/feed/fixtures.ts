import { readFileSync } from 'node:fs'
import { parseRecord } from '../../src/core/record/index.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'

const manifest = (name: string) => {
  const parsed = parseManifest(readFileSync(new URL(`../../templates/${name}.md`, import.meta.url), 'utf8'), name).manifest
  if (!parsed) throw new Error(`templates/${name}.md has no manifest`)
  return parsed
}
const TEMPLATES = { deployment: manifest('deployment'), 'stage-gate': manifest('stage-gate') }

/** A deployment-template record: frontmatter lines (without `---`) and Deployment Timeline rows. */
export function deployment(file: string, frontmatter: string[], timeline: string[] = []): ReleaseRecord {
  const source = [
    '---',
    'template: deployment',
    ...frontmatter,
    '---',
    '',
    '## Deployment Execution',
    '',
    '### Deployment Timeline',
    '',
    '| Phase | Start Time | End Time | Duration | Status | Notes |',
    '|-------|------------|----------|----------|--------|-------|',
    ...timeline,
    '',
  ].join('\n')
  return parseRecord(source, { file, templates: TEMPLATES })
}

/** A stage-gate record (its manifest expects `Deployment Execution` to take 1-4 hours) with no timeline. */
export function stageGate(file: string, frontmatter: string[]): ReleaseRecord {
  const source = ['---', 'template: stage-gate', ...frontmatter, '---', '', '## Deployment Execution', '', '- [ ] Deploy', ''].join('\n')
  return parseRecord(source, { file, templates: TEMPLATES })
}

/** The record text the tests try to break the formats with: line breaks, `;`, `,`, `\`, markup. */
export const HOSTILE = 'Line one\nLine two; semi, comma \\ <script>alert(1)</script> & ]]> ééééééééééééééééééééééééééééééé end'
/** HOSTILE as a YAML double-quoted scalar. */
export const HOSTILE_YAML = JSON.stringify(HOSTILE)

/** A planned release 1.0.0 to production, scheduled 2026-10-28 21:00 +01:00, named by HOSTILE, with this component and owner (YAML scalars as written). */
export function hostileRelease(component: string, owner: string): ReleaseRecord {
  return deployment('releases/x.md', [
    `release: ${HOSTILE_YAML}`,
    'version: "1.0.0"',
    `component: ${component}`,
    'environment: production',
    'status: planned',
    `owner: ${owner}`,
    'scheduled: "2026-10-28T21:00:00+01:00"',
  ])
}
