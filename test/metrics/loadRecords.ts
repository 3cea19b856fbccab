import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseRecord } from '../../src/core/record/index.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const manifest = parseManifest(readFileSync(join(ROOT, 'templates/deployment.md'), 'utf8'), 'deployment').manifest
if (!manifest) throw new Error('templates/deployment.md has no manifest')
const templates = { deployment: manifest }

/** Parses one record from Markdown, as `releases/<file>`. */
export function recordFrom(source: string, file = 'releases/test.md'): ReleaseRecord {
  return parseRecord(source, { file, templates })
}

/** Parses every record of `test/fixtures/metrics/<corpus>/releases`, sorted by path. */
export function loadCorpus(corpus: string): ReleaseRecord[] {
  const dir = join(ROOT, 'test/fixtures/metrics', corpus, 'releases')
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.md')).sort()
  return files.map((file) => recordFrom(readFileSync(join(dir, file), 'utf8'), `releases/${file.split('\\').join('/')}`))
}

/**
 * A short record written from the deployment template: `frontmatter` lines (without `---`), and
 * the rows of its Deployment Timeline and Issues Encountered tables (omitted: the template's
 * unfilled placeholder rows).
 */
export function record(options: { frontmatter: string; timeline?: string[]; issues?: string[]; file?: string }): ReleaseRecord {
  const timeline = options.timeline ?? ['| Application deployment | {{app_start}} | {{app_end}} | {{app_duration}} | {{app_status}} | {{app_notes}} |']
  const issues = options.issues ?? ['| {{issue_time_1}} | {{issue_1}} | {{severity_1}} | {{impact_1}} | {{resolution_1}} | {{duration_1}} |']
  const source = [
    '---',
    'template: deployment',
    options.frontmatter.trim(),
    '---',
    '',
    '# Deployment & Release Process Template',
    '',
    '## Deployment Execution',
    '',
    '### Deployment Timeline',
    '',
    '| Phase | Start Time | End Time | Duration | Status | Notes |',
    '|-------|------------|----------|----------|--------|-------|',
    ...timeline,
    '',
    '## Incident Response',
    '',
    '### Issues Encountered',
    '',
    '| Time | Issue | Severity | Impact | Resolution | Duration |',
    '|------|-------|----------|--------|------------|----------|',
    ...issues,
    '',
  ].join('\n')
  return recordFrom(source, options.file)
}
