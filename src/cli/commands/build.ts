import { relative } from 'node:path'
import { stripVTControlCharacters as stripAnsi } from 'node:util'
import { createColors } from 'picocolors'
import type { GlobalOptions } from '../globals.ts'
import { useColor } from '../globals.ts'
import { ShiplogError } from '../../core/errors.ts'
import { loadProjects } from '../../node/fs/loadProjects.ts'
import type { ShiplogConfig } from '../../core/config/types.ts'
import { buildSite, type SiteProgress } from '../../node/site/buildSite.ts'

export interface BuildFlags {
  quiet?: boolean
  outDir?: string
  base?: string
  /** False with `--no-cache`: parse and render every record, neither reading nor writing the caches. */
  cache?: boolean
  /** Replace an output folder shiplog did not build. */
  force?: boolean
}

/** True in CI (the `CI` variable, as set by GitHub Actions, GitLab and most others). */
export function inCi(): boolean {
  const value = process.env['CI']
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}

/**
 * `shiplog build`: the static site, into `site.outDir` (default `dist/`), replacing the old one
 * only on success, and only when shiplog built it (or with `--force`). `--out-dir` and `--base`
 * are validated like the configuration file's keys (`resolveConfig`).
 */
export async function buildCommand(flags: BuildFlags, globals: GlobalOptions): Promise<number> {
  const overrides: ShiplogConfig = {}
  if (flags.outDir !== undefined || flags.base !== undefined) {
    overrides.site = {
      ...(flags.outDir === undefined ? {} : { outDir: flags.outDir }),
      ...(flags.base === undefined ? {} : { base: flags.base }),
    }
  }
  // One root, or several (--root given twice, or the config's `workspaces`): the site's settings are the main project's.
  const { main: project, repositories } = await loadProjects(globals.roots, overrides)
  const quiet = flags.quiet === true || inCi()
  const color = useColor(process.stderr, globals.color)
  const c = createColors(color)
  const tty = process.stderr.isTTY === true && !quiet
  const write = (line: string): void => {
    process.stderr.write(line)
  }
  let readShown = false
  const onProgress = (event: SiteProgress): void => {
    switch (event.phase) {
      case 'read':
        if (quiet) return
        if (tty) {
          write(`\r${c.dim('reading records')} ${event.done}/${event.total}`)
          readShown = true
        } else if (event.done === event.total) {
          write(`read ${event.total} record${event.total === 1 ? '' : 's'}\n`)
        }
        return
      case 'generate':
        if (readShown) write('\n')
        if (!quiet) write(`generated ${event.pages} pages\n`)
        return
      case 'vitepress':
        if (!quiet) write('building the site with VitePress…\n')
        return
      case 'publish':
        return
      case 'log':
        if (event.level === 'error') write(`${c.red('error')} ${event.message}\n`)
        else if (event.level === 'warn') write(`${c.yellow('warning')} ${event.message}\n`)
        else if (globals.verbose) write(`${c.dim(event.message)}\n`)
        return
      case 'output':
        // VitePress colours its own progress lines whatever the terminal; honour --no-color and NO_COLOR.
        write(`${color ? event.line : stripAnsi(event.line)}\n`)
    }
  }
  try {
    const result = await buildSite(project, { onProgress, quiet, cache: flags.cache !== false, force: flags.force === true, repositories })
    if (!quiet) {
      const where = relative(process.cwd(), result.outDir) || '.'
      write(
        `${c.green('✓')} built ${result.pages} pages from ${result.records} record${result.records === 1 ? '' : 's'} in ${(result.timings.total / 1000).toFixed(1)} s → ${where}/\n`,
      )
      if (globals.verbose) {
        const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
        write(c.dim(`  reading and generating ${s(result.timings.generate)}, VitePress ${s(result.timings.vitepress)}\n`))
      }
    }
    return 0
  } catch (error) {
    if (error instanceof ShiplogError) throw error
    throw new ShiplogError(`the site build failed: ${error instanceof Error ? error.message : String(error)}`, 1)
  }
}
