import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import type { Project } from '../fs/loadProject.ts'
import { PACKAGE_ROOT } from '../fs/packageRoot.ts'
import { userCacheDir } from '../cache/userCacheDir.ts'
import { folderInside, isInside, projectFolder, realPathOf, realRootOf } from '../fs/pathRule.ts'

export interface SiteDirs {
  /** shiplog's own site (`<shiplog>/site`): its VitePress configuration factory and theme. */
  siteDir: string
  /**
   * The project's own `site/` folder, when it customises the site: its `.vitepress/config.*` (which
   * extends shiplog's configuration) and `.vitepress/theme/index.*` (which replaces shiplog's theme
   * entry, usually extending it), each null when absent. Null when the project has neither.
   */
  custom: { dir: string; config: string | null; theme: string | null } | null
  /** shiplog's git-ignored work folder in the project (`.shiplog/`). */
  workDir: string
  /**
   * Where the pages and their data are generated (`.shiplog/site`): VitePress's root, with the
   * `.vitepress/` entry files that point it at shiplog's configuration and theme (`vitepressEntryOf`).
   */
  srcDir: string
  /** Vite's cache and VitePress's temporary build output. */
  cacheDir: string
  tempDir: string
  /** Rendered record bodies, by content hash. */
  bodyCacheDir: string
  /** The published site (`site.outDir`, default `dist`). */
  outDir: string
}

/** The names VitePress looks for (a project's configuration and theme entry, in `site/.vitepress/`). */
const CONFIG_NAMES = ['config.ts', 'config.mts', 'config.js', 'config.mjs']
const THEME_NAMES = ['theme/index.ts', 'theme/index.mts', 'theme/index.js', 'theme/index.mjs']

/** The folders under `.shiplog` that shiplog writes into or empties. */
const WORK_FOLDERS = ['site', 'cache', 'cache/vite', 'cache/vitepress-temp', 'cache/bodies', 'cache/records', 'node_modules']

/**
 * The folders of a project's site, as real paths checked by the path rule (pathRule.ts). The site
 * is always VitePress's project in `.shiplog/site` running shiplog's configuration and theme; a
 * project customises it with its own `site/.vitepress/config.*` and `site/.vitepress/theme/index.*`
 * (`custom`). Throws a ShiplogError (exit 2), before anything is written, when `.shiplog` leaves
 * the project or one of its folders leaves `.shiplog` (a symbolic link), when the project's `site/`
 * or one of its files leaves the project or `site/`, or when the output folder breaks the rules of
 * `outputFolderOf`.
 */
export function siteDirsOf(project: Project, outDir?: string): SiteDirs {
  const workDir = projectFolder(project.root, '.shiplog', 'work folder')
  for (const folder of WORK_FOLDERS) folderInside(join(workDir, folder), workDir, `work folder .shiplog/${folder}`, '.shiplog')
  const custom = customSiteOf(project.root)
  return {
    siteDir: join(PACKAGE_ROOT, 'site'),
    custom,
    workDir,
    srcDir: join(workDir, 'site'),
    cacheDir: viteCacheDirOf(workDir),
    tempDir: join(workDir, 'cache', 'vitepress-temp'),
    bodyCacheDir: join(workDir, 'cache', 'bodies'),
    outDir: outputFolderOf(project, outDir ?? project.config.site.outDir, { workDir, siteRoot: custom?.dir ?? join(PACKAGE_ROOT, 'site') }),
  }
}

/** The project's own VitePress configuration and theme entry (real paths inside its `site/`), or null when it has neither. */
function customSiteOf(root: string): SiteDirs['custom'] {
  const own = join(root, 'site', '.vitepress')
  const config = CONFIG_NAMES.find((name) => existsSync(join(own, name)))
  const theme = THEME_NAMES.find((name) => existsSync(join(own, name)))
  if (config === undefined && theme === undefined) return null
  const dir = projectFolder(root, 'site', 'VitePress folder')
  const file = (name: string | undefined): string | null => {
    if (name === undefined) return null
    const real = realPathOf(join(own, name))
    if (real !== null && isInside(real, dir)) return real
    const why = real === null ? 'a symbolic link on its path is broken or loops' : `its real path ${real} is outside the site folder`
    throw new ShiplogError(`Unexpected site/.vitepress/${name}: ${why}, expected a file inside site/ (symbolic links are not followed out of it)`, 2)
  }
  return { dir, config: file(config), theme: file(theme) }
}

/**
 * Vite's cache (pre-bundled dependencies the dev server hands to browsers) is code, and nothing
 * authenticates it: it lives in the per-user cache folder, one per project, where no commit or
 * shared CI cache reaches; in `.shiplog/cache/vite` only when there is no home folder.
 */
function viteCacheDirOf(workDir: string): string {
  const user = userCacheDir()
  if (user === null) return join(workDir, 'cache', 'vite')
  return join(user, 'vite', createHash('sha256').update(workDir).digest('hex').slice(0, 16))
}

/**
 * The real path of the output folder `outDir` (relative to the project, or absolute: a deploy
 * target elsewhere). Refused with a ShiplogError (exit 2): a relative one whose real path leaves
 * the project; any that is or holds the project; any that is, holds or lies inside the releases
 * folder, the templates folder, `.git`, `.shiplog` or the VitePress folder in use.
 */
function outputFolderOf(project: Project, outDir: string, dirs: { workDir: string; siteRoot: string }): string {
  const shown = `output folder ${outDir}`
  const realRoot = realRootOf(project.root)
  const real = isAbsolute(outDir) ? realPathOf(outDir) : projectFolder(project.root, outDir, 'output folder')
  if (real === null) throw new ShiplogError(`Unexpected ${shown}: a symbolic link on its path is broken or loops, expected a folder shiplog can replace`, 2)
  if (isInside(realRoot, real)) {
    throw new ShiplogError(`Unexpected ${shown}: it ${real === realRoot ? 'is' : 'holds'} the project, expected a folder of its own (e.g. dist)`, 2)
  }
  const own: Array<[string, string | null]> = [
    [`the releases folder ${project.config.releases}`, projectFolder(project.root, project.config.releases, 'releases folder')],
    [`the templates folder ${project.config.templates}`, projectFolder(project.root, project.config.templates, 'templates folder')],
    ['.git', realPathOf(resolve(project.root, '.git'))],
    ['.shiplog', dirs.workDir],
    [`the VitePress folder ${dirs.siteRoot}`, dirs.siteRoot],
  ]
  for (const [name, folder] of own) {
    if (folder === null) continue
    const relation = real === folder ? 'is' : isInside(real, folder) ? 'lies inside' : isInside(folder, real) ? 'holds' : null
    if (relation !== null) throw new ShiplogError(`Unexpected ${shown}: it ${relation} ${name}, expected a folder apart from the project's own files (e.g. dist)`, 2)
  }
  return real
}
