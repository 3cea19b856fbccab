import { lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The packages the generated pages (and Vite's dependency scan from their folder) import. */
const PACKAGES = ['vue', 'vitepress']

/**
 * Makes the site's dependencies resolvable from the generated pages: they live in
 * `<project>/.shiplog/site`, VitePress's server bundle imports `vue` from there and Vite's
 * dependency optimiser resolves `vitepress > …` from there, but the project itself need not have
 * them installed. Links `<project>/.shiplog/node_modules/<name>` to the copies shiplog uses.
 */
export function linkSiteDependencies(workDir: string): void {
  const require = createRequire(import.meta.url)
  for (const name of PACKAGES) {
    const target = dirname(require.resolve(`${name}/package.json`))
    const link = join(workDir, 'node_modules', name)
    try {
      if (lstatSync(link).isSymbolicLink() && readlinkSync(link) === target) continue
      rmSync(link, { recursive: true, force: true })
    } catch {
      // no link yet
    }
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(target, link, process.platform === 'win32' ? 'junction' : 'dir')
  }
}
