import type { TemplateManifest } from '../template/types.ts'
import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Frontmatter } from './types.ts'

export interface ResolvedTemplate {
  /** The template's name: the manifest's key when known, else as written. */
  name: string
  manifest: TemplateManifest | null
  problems: PlacedMessage[]
}

/**
 * The template a record follows: its frontmatter `template` when that is a non-empty string,
 * else `defaultTemplate`. Looked up exactly, then case-insensitively. An unknown template is a
 * warning (only when templates were given), and the record is read without rules.
 */
export function resolveTemplate(
  frontmatter: Frontmatter,
  templates: { readonly [name: string]: TemplateManifest } | undefined,
  defaultTemplate: string,
): ResolvedTemplate {
  const written = frontmatter.data['template']
  const fromFrontmatter = typeof written === 'string' && written.trim() !== ''
  const wanted = fromFrontmatter ? written.trim() : defaultTemplate
  if (!templates) return { name: wanted, manifest: null, problems: [] }

  const key = Object.hasOwn(templates, wanted)
    ? wanted
    : Object.keys(templates).find((name) => name.toLowerCase() === wanted.toLowerCase())
  const manifest = key === undefined ? undefined : templates[key]
  if (key !== undefined && manifest) return { name: key, manifest, problems: [] }

  const field = fromFrontmatter ? frontmatter.fields['template'] : undefined
  const known = Object.keys(templates)
  return {
    name: wanted,
    manifest: null,
    problems: [
      messageAt(
        `Unexpected template \`${wanted}\`, expected ${known.length > 0 ? `one of ${known.map((name) => `\`${name}\``).join(', ')}` : 'a known template'}`,
        { place: { line: field?.line ?? 1, column: field?.column ?? 1 }, ruleId: 'unknown-template', severity: 'warning' },
      ),
    ],
  }
}
