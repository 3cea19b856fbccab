import type { TemplateManifest } from '../../core/template/types.ts'
import type { LoadedTemplate } from './readTemplateFolders.ts'

/** The manifests of the loaded templates, as `parseRecord` takes them. */
export function manifestsOf(templates: Map<string, LoadedTemplate>): { [name: string]: TemplateManifest } {
  const manifests: { [name: string]: TemplateManifest } = Object.create(null)
  for (const [name, template] of templates) if (template.manifest) manifests[name] = template.manifest
  return manifests
}
