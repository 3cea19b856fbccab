import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PACKAGE_ROOT } from '../fs/packageRoot.ts'
import { writeFileAtomic } from '../fs/writeFileAtomic.ts'
import { parseManifest } from '../template/parseManifest.ts'
import type { TemplateManifest } from '../template/types.ts'
import { renderRuleDocs, replaceRuleDocs } from './renderRuleDocs.ts'
import { rules } from './rules/index.ts'

export const CHECK_DOCS_PATH = 'docs/check.md'

/** The bundled `deployment` manifest, which the rule examples are read with. */
export function bundledTemplates(): { [name: string]: TemplateManifest } {
  const { manifest } = parseManifest(readFileSync(join(PACKAGE_ROOT, 'templates/deployment.md'), 'utf8'), 'deployment')
  return manifest ? { deployment: manifest } : {}
}

/** docs/check.md with its rules section regenerated from the rule files. */
export function checkDocsText(current: string): string {
  return replaceRuleDocs(current, renderRuleDocs(rules, bundledTemplates()))
}

// Run as a script: node bin/run-ts.js src/check/writeDocs.ts
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = join(PACKAGE_ROOT, CHECK_DOCS_PATH)
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '# shiplog check\n'
  writeFileAtomic(target, checkDocsText(current), { overwrite: true })
  process.stdout.write(`wrote ${CHECK_DOCS_PATH}\n`)
}
