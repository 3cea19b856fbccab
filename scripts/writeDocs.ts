// Regenerates the rules section of docs/check.md from the rule files (`npm run generate`).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../src/node/fs/packageRoot.ts'
import { writeFileAtomic } from '../src/node/fs/writeFileAtomic.ts'
import { parseManifest } from '../src/core/template/parseManifest.ts'
import { renderRuleDocs, replaceRuleDocs } from '../src/core/check/renderRuleDocs.ts'
import { rules } from '../src/core/check/rules/index.ts'

const CHECK_DOCS_PATH = 'docs/check.md'

// The rule examples are read with the bundled `deployment` manifest (the default) and `itil`.
const { manifest } = parseManifest(readFileSync(join(PACKAGE_ROOT, 'templates/deployment.md'), 'utf8'), 'deployment')
const itil = parseManifest(readFileSync(join(PACKAGE_ROOT, 'templates/itil.md'), 'utf8'), 'itil').manifest
const target = join(PACKAGE_ROOT, CHECK_DOCS_PATH)
const current = existsSync(target) ? readFileSync(target, 'utf8') : '# shiplog check\n'
writeFileAtomic(target, replaceRuleDocs(current, renderRuleDocs(rules, { ...(manifest ? { deployment: manifest } : {}), ...(itil ? { itil } : {}) })), { overwrite: true })
process.stdout.write(`wrote ${CHECK_DOCS_PATH}\n`)
