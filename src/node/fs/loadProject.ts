import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ResolvedConfig, ShiplogConfig } from '../../core/config/types.ts'
import { ShiplogError } from '../../core/errors.ts'
import type { TemplateManifest } from '../../core/template/types.ts'
import { loadConfig } from './loadConfig.ts'
import { loadTemplates, manifestsOf, type LoadedTemplate } from './loadTemplates.ts'

export interface Project {
  /** Absolute path of the project folder. */
  root: string
  config: ResolvedConfig
  /** The configuration file's name, or null when defaults are used. */
  configFile: string | null
  templates: Map<string, LoadedTemplate>
  manifests: { [name: string]: TemplateManifest }
}

/** Opens a project: reads its configuration and templates. */
export async function loadProject(root: string, overrides: ShiplogConfig = {}): Promise<Project> {
  const absolute = resolve(root)
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new ShiplogError(`Unexpected --root ${root}: expected an existing folder`, 2)
  }
  const { config, file } = await loadConfig(absolute, overrides)
  const templates = loadTemplates(absolute, config.templates)
  return { root: absolute, config, configFile: file, templates, manifests: manifestsOf(templates) }
}
