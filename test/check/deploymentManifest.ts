import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'

const source = readFileSync(fileURLToPath(new URL('../../templates/deployment.md', import.meta.url)), 'utf8')
const parsed = parseManifest(source, 'deployment')
if (!parsed.manifest) throw new Error(`templates/deployment.md has no manifest: ${JSON.stringify(parsed.problems)}`)

/** The bundled deployment template's manifest, as the check tests use it. */
export const deploymentManifest: TemplateManifest = parsed.manifest
const itilSource = readFileSync(fileURLToPath(new URL('../../templates/itil.md', import.meta.url)), 'utf8')
const itil = parseManifest(itilSource, 'itil').manifest
if (!itil) throw new Error('templates/itil.md has no manifest')

/** The manifests rule examples are read with: deployment (the default), and itil (for `template-choice`). */
export const templates: { [name: string]: TemplateManifest } = { deployment: deploymentManifest, itil }
