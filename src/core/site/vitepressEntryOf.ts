import { join, sep } from 'node:path'

/** Where the site's VitePress configuration and theme come from (absolute paths). */
export interface VitepressSources {
  /** The generated folder: VitePress's root, where the entry files go. */
  srcDir: string
  /** shiplog's `site/` folder: `.vitepress/shiplogConfig.ts` and `.vitepress/theme/index.ts`. */
  siteDir: string
  /** The project's `site/` folder and, when it has them, its `.vitepress/config.*` and `.vitepress/theme/index.*`. */
  custom: { dir: string; config: string | null; theme: string | null } | null
}

const NOTICE = '// Written by shiplog for `shiplog build` and `shiplog dev`, replaced each time: a project customises its\n// site in its own site/.vitepress/config.* and site/.vitepress/theme/index.* (docs/site.md).\n'

/**
 * The two files that make the generated folder a VitePress project: `.vitepress/config.mjs`,
 * calling shiplog's configuration factory with the folders (and the project's own configuration
 * to extend it with), and `.vitepress/theme/index.mjs`, the theme (the project's own when it has
 * one, else shiplog's). Modules are imported by absolute path: VitePress bundles its configuration
 * with esbuild, which compiles such files where they are (a `file:` URL would be left to Node,
 * which does not load TypeScript).
 */
export function vitepressEntryOf(sources: VitepressSources): Array<[string, string]> {
  const project = sources.custom
  const config = [
    NOTICE,
    `import { shiplogConfig } from ${specifier(join(sources.siteDir, '.vitepress', 'shiplogConfig.ts'))}\n`,
    project?.config ? `import project from ${specifier(project.config)}\n` : '',
    '\nexport default shiplogConfig({\n',
    `  srcDir: ${specifier(sources.srcDir)},\n`,
    `  siteDir: ${specifier(sources.siteDir)},\n`,
    project?.config ? `  project: { config: project, dir: ${specifier(project.dir)} },\n` : '',
    '})\n',
  ].join('')
  const theme = `${NOTICE}export { default } from ${specifier(project?.theme ?? join(sources.siteDir, '.vitepress', 'theme', 'index.ts'))}\n`
  return [
    ['.vitepress/config.mjs', config],
    ['.vitepress/theme/index.mjs', theme],
  ]
}

/** An absolute path as a module specifier: `/` separators (as Vite writes paths), quoted as a JavaScript string. */
function specifier(path: string): string {
  return JSON.stringify(sep === '\\' ? path.replaceAll('\\', '/') : path)
}
