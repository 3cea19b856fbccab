import { FIELDS } from '../check/frontmatterSchema.ts'
import { closestName } from '../template/closestName.ts'
import type { TemplateManifest } from '../template/types.ts'

/** Values `shiplog new` fills itself, whatever the template declares. */
const BUILT_IN = ['release_version', 'version', 'date']

/**
 * One warning per `--set` key that is neither a variable the template declares, a former name it
 * maps (`renamed:`, warned about by `applyRenamed`), a value `new` fills itself, nor a frontmatter
 * key of the record format (FORMAT.md §2): most likely a typo, whose value no `{{name}}` of the
 * template uses. Names the key, the nearest known name and the
 * template's variables. The record is still rendered: a template may read more than it declares.
 */
export function unknownSetKeys(keys: readonly string[], manifest: TemplateManifest | null, templateName: string): string[] {
  const variables = Object.keys(manifest?.variables ?? {})
  const known = new Set([...variables, ...BUILT_IN, ...Object.keys(FIELDS)])
  const former = manifest?.renamed ?? {}
  return keys
    .filter((key) => !known.has(key) && !Object.hasOwn(former, key))
    .map((key) => {
      const near = closestName(key, [...known])
      const hint = near !== null ? ` (did you mean \`${near}\`?)` : ''
      const list = variables.length > 0 ? variables.join(', ') : 'none'
      return `Warning: unexpected --set ${key}${hint}: not a variable of template ${templateName} nor a frontmatter key, rendered anyway; its variables: ${list}`
    })
}
