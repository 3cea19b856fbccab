import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ResolvedConfig, ShiplogConfig } from '../../core/config/types.ts'
import { ShiplogError } from '../../core/errors.ts'
import type { TemplateManifest } from '../../core/template/types.ts'
import { cachesTurnedOff } from '../cache/cachesTurnedOff.ts'
import { createManifestCache, manifestCacheDir, type ManifestCache } from '../cache/manifestCache.ts'
import { loadConfig } from './loadConfig.ts'
import { manifestsOf } from './manifestsOf.ts'
import { readTemplateFolders, type LoadedTemplate } from './readTemplateFolders.ts'

export interface Project {
  /** Absolute path of the project folder. */
  root: string
  config: ResolvedConfig
  /** The configuration file's name, or null when defaults are used. */
  configFile: string | null
  templates: Map<string, LoadedTemplate>
  manifests: { [name: string]: TemplateManifest }
}

export interface LoadProjectOptions {
  /**
   * Keep the templates' manifests between runs in the project's cache folder (beside the record
   * cache: `.shiplog/cache/templates`, or `$SHIPLOG_CACHE_DIR/templates`); default false. `check`
   * and `metrics` (whose start it shortens most) pass it, and leave it out with `--no-cache`;
   * never when `SHIPLOG_NO_CACHE` is set.
   */
  cache?: boolean
}

/** Opens a project: reads its configuration and templates. */
export async function loadProject(root: string, overrides: ShiplogConfig = {}, options: LoadProjectOptions = {}): Promise<Project> {
  const absolute = resolve(root)
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new ShiplogError(`Unexpected --root ${root}: expected an existing folder`, 2)
  }
  const { config, file } = await loadConfig(absolute, overrides)
  const templates = await readTemplates(absolute, config.templates, options.cache === true && !cachesTurnedOff() ? manifestCacheOf(absolute) : null)
  return { root: absolute, config, configFile: file, templates, manifests: manifestsOf(templates) }
}

/**
 * The project's manifest cache, or null when its folder breaks the path rule (a `.shiplog` link
 * out of the project): the templates are then read afresh, and the record cache, which obeys the
 * same rule, reports the folder.
 */
function manifestCacheOf(root: string): ManifestCache | null {
  try {
    return createManifestCache(manifestCacheDir(root))
  } catch (error) {
    if (error instanceof ShiplogError) return null
    throw error
  }
}

/**
 * The project's templates (`loadTemplates`), their manifests from `cache` when it holds every one:
 * the manifest reader (and the YAML parser it loads) is only loaded when a manifest is read.
 */
async function readTemplates(root: string, templatesDir: string, cache: ManifestCache | null): Promise<Map<string, LoadedTemplate>> {
  if (cache !== null) {
    let missed = false
    const cached = readTemplateFolders(root, templatesDir, (source, name) => {
      const hit = cache.get(source, name)
      if (hit !== null) return hit
      missed = true
      return { manifest: null, problems: [] }
    })
    if (!missed) return cached
  }
  const { parseManifest } = await import('../../core/template/parseManifest.ts')
  if (cache === null) return readTemplateFolders(root, templatesDir, parseManifest)
  // Read again now that the parser is loaded (the folders are read synchronously): only the
  // manifests the cache did not hold are parsed.
  const templates = readTemplateFolders(root, templatesDir, (source, name) => {
    const hit = cache.get(source, name)
    if (hit !== null) return hit
    const read = parseManifest(source, name)
    cache.put(source, name, read)
    return read
  })
  cache.prune()
  return templates
}
