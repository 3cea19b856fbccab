import { parseManifest } from '../../core/template/parseManifest.ts'
import { readTemplateFolders, type LoadedTemplate } from './readTemplateFolders.ts'

export type { LoadedTemplate } from './readTemplateFolders.ts'
export { manifestsOf } from './manifestsOf.ts'

/**
 * The templates a project can use: the bundled ones, then the project's `templates/` folder, whose
 * files replace bundled templates of the same name and add new ones. Keyed by file base name.
 * A templates folder, or a template in it, whose real path leaves the project (the folder) is a
 * ShiplogError (exit 2): nothing is read through it.
 */
export function loadTemplates(root: string, templatesDir: string): Map<string, LoadedTemplate> {
  return readTemplateFolders(root, templatesDir, parseManifest)
}
