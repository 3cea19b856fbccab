import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Project } from '../fs/loadProject.ts'
import { PACKAGE_ROOT } from '../fs/packageRoot.ts'

export interface SiteDirs {
  /** The VitePress project (`site/`, holding `.vitepress/config.ts` and the theme). */
  siteRoot: string
  /** shiplog's git-ignored work folder in the project (`.shiplog/`). */
  workDir: string
  /** Where the pages and their data are generated (VitePress's `srcDir`). */
  srcDir: string
  /** Vite's cache and VitePress's temporary build output. */
  cacheDir: string
  tempDir: string
  /** Rendered record bodies, by content hash. */
  bodyCacheDir: string
  /** The published site (`site.outDir`, default `dist`). */
  outDir: string
}

const CONFIG_NAMES = ['config.ts', 'config.mts', 'config.js', 'config.mjs']

/**
 * The folders of a project's site. The VitePress project is the project's own `site/` when it
 * has a `.vitepress/config.*` (a team may customise it), else the one shipped with shiplog.
 */
export function siteDirsOf(project: Project, outDir?: string): SiteDirs {
  const own = join(project.root, 'site')
  const hasOwn = CONFIG_NAMES.some((name) => existsSync(join(own, '.vitepress', name)))
  const workDir = join(project.root, '.shiplog')
  return {
    siteRoot: hasOwn ? own : join(PACKAGE_ROOT, 'site'),
    workDir,
    srcDir: join(workDir, 'site'),
    cacheDir: join(workDir, 'cache', 'vite'),
    tempDir: join(workDir, 'cache', 'vitepress-temp'),
    bodyCacheDir: join(workDir, 'cache', 'bodies'),
    outDir: resolve(project.root, outDir ?? project.config.site.outDir),
  }
}
