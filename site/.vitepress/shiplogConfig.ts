// shiplog's VitePress configuration, as a factory.
//
// shiplog generates the pages and their data into a folder of the project (`.shiplog/site`),
// which is VitePress's root: it writes `.vitepress/config.mjs` there (src/core/site/vitepressEntryOf.ts),
// which imports this file by absolute path and calls `shiplogConfig` with that folder, shiplog's
// `site/` folder and the project's own configuration, if it has one. VitePress then reads its
// configuration the usual way; nothing here reads the environment. `data/site.json` in the
// generated folder holds the site's settings. Nothing here reads record text: records reach the
// site only through shiplog's generated pages and JSON data.
//
// The settings' texts (`titleHtml`, `descriptionHtml`, `nav[].html`) are HTML, escaped by shiplog
// (src/core/site/escapeHtml.ts): VitePress 1.6 writes the description into `<meta content="…">` and the
// navigation with `v-html` as they are, and escapes `<title>` while keeping character references.
// test/site/vitepressEscaping.test.ts pins that; the theme shows them as text where the browser
// reads them as text (site/.vitepress/theme/index.ts).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mergeConfig, type DefaultTheme, type UserConfig } from 'vitepress'
import type { SiteData } from '@shared/pageData.ts'

type Config = UserConfig<DefaultTheme.Config>

/** What a project's `site/.vitepress/config.*` may export: a configuration, or a function or promise giving one (as VitePress accepts). */
export type ProjectConfig = UserConfig | Promise<UserConfig> | (() => UserConfig | Promise<UserConfig>)

export interface ShiplogConfigOptions {
  /** The generated folder: VitePress's root and source folder. */
  srcDir: string
  /** shiplog's `site/` folder (the theme and its components). */
  siteDir: string
  /** The project's own configuration and its `site/` folder, when it has one. */
  project?: { config: ProjectConfig; dir: string }
}

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#3451b2"/><path d="M4 8.5l2.5 2.5L12 5" stroke="#fff" stroke-width="2" fill="none"/></svg>'

const REPO_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><title>Repository</title><circle cx="6" cy="5" r="2.5"/><circle cx="6" cy="19" r="2.5"/><circle cx="18" cy="7" r="2.5"/><path d="M6 7.5v9M18 9.5c0 4-6 3-11 7.5"/></svg>'

/**
 * How local search indexes and ranks (VitePress 1.6, `themeConfig.search.options.miniSearch`:
 * `options` are MiniSearch's index options, used when VitePress builds the index in Node and when
 * the browser loads it; `searchOptions` are merged over VitePress's defaults `{ fuzzy: 0.2, prefix:
 * true, boost: { title: 4, text: 2, titles: 1 } }`; https://vitepress.dev/reference/default-theme-search).
 * VitePress ships these functions to the browser as their source text (its `serializeFunctions`),
 * so each one is self-contained: no name from this module may be used inside them.
 *
 * - MiniSearch's own tokenizer splits on punctuation, so `2.4.0` was the three terms `2`, `4`, `0`
 *   that every date and version matches. A version (`\d+(.\d+)+`) is also indexed whole, and a
 *   query keeps it whole: searching `2.4.0` looks for `2.4.0` (and, fuzzily, `2.4.1`, `2.3.0`).
 * - `boostDocument`: a release page's summary section (its title, with the status) counts double,
 *   so the release itself ranks before pages that merely list it (its component's page).
 */
export const SEARCH_MINISEARCH = {
  options: {
    tokenize: (text: string): string[] => [...text.split(/[\n\r\p{Z}\p{P}]+/u), ...(text.match(/\d+(?:\.\d+)+/g) ?? [])],
  },
  searchOptions: {
    tokenize: (text: string): string[] => [...(text.match(/\d+(?:\.\d+)+/g) ?? []), ...text.replace(/\d+(?:\.\d+)+/g, ' ').split(/[\n\r\p{Z}\p{P}]+/u)],
    boostDocument: (id: string): number => (/\/releases\/[^#]*#shiplog-summary$/.test(id) ? 2 : 1),
  },
}

/**
 * The site's VitePress configuration. A project's own configuration extends it by VitePress's rule
 * for `extends` (its values win, objects are merged, arrays joined), except for the folders: the
 * pages come from `srcDir` and go to the output folder shiplog checked, and Vite's cache stays
 * where shiplog put it.
 */
export async function shiplogConfig(options: ShiplogConfigOptions): Promise<Config> {
  const { srcDir } = options
  const settingsFile = join(srcDir, 'data/site.json')
  if (!existsSync(settingsFile)) {
    throw new Error(`No generated site in ${srcDir}: run \`shiplog build\` or \`shiplog dev\` (they write it before starting VitePress)`)
  }
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as SiteData
  const base = baseConfig(options, settings)
  if (options.project === undefined) return base
  const merged = mergeConfig(base, await resolveExtends(options.project.config)) as Config
  return { ...merged, srcDir, outDir: settings.outDir, cacheDir: settings.cacheDir }
}

/** A configuration export as VitePress resolves one: called if a function, awaited, its `extends` applied under it. */
async function resolveExtends(config: ProjectConfig): Promise<UserConfig> {
  const resolved = await (typeof config === 'function' ? config() : config)
  if (resolved.extends === undefined) return resolved
  return mergeConfig(await resolveExtends(resolved.extends as ProjectConfig), resolved) as UserConfig
}

function baseConfig(options: ShiplogConfigOptions, settings: SiteData): Config {
  const { srcDir, siteDir } = options
  /**
   * Local search indexes the HTML shiplog prepared per page (`data/search/<page>.txt`: not `.html`,
   * which Vite's dev server would treat as a page), nothing else.
   */
  const searchText = (relativePath: string): string => {
    const file = join(srcDir, 'data/search', relativePath.replace(/\.md$/, '.txt'))
    return existsSync(file) ? readFileSync(file, 'utf8') : ''
  }
  return {
    srcDir,
    outDir: settings.outDir,
    cacheDir: settings.cacheDir,
    base: settings.base,
    title: settings.titleHtml,
    description: settings.descriptionHtml,
    lang: 'en',
    cleanUrls: false,
    // Page hashes go to one chunk instead of being inlined into every page (output grows with N² otherwise).
    metaChunk: true,
    lastUpdated: false,
    // Every page is generated by shiplog; nothing may come from outside the generated folder.
    srcExclude: ['data/**'],
    head: [
      ['meta', { name: 'generator', content: 'shiplog' }],
      // An inline icon: the site makes no request it does not need (and no 404 for /favicon.ico).
      ['link', { rel: 'icon', href: `data:image/svg+xml,${encodeURIComponent(FAVICON)}` }],
    ],
    markdown: {
      // The only HTML in generated pages is shiplog's own markup and the sanitized record bodies.
      html: true,
      attrs: { disable: true },
    },
    vue: {
      template: {
        // Never turn an `<img src>` into a module import (a record could name a file on disk).
        transformAssetUrls: false,
      },
    },
    vite: {
      json: { stringify: true },
      resolve: {
        // A project's own theme extends shiplog's: `import ShiplogTheme from '@shiplog/theme'`.
        // The theme reads generated data of its own (the 404 page's latest releases) as `@shiplog/data/…`.
        alias: { '@shiplog/theme': join(siteDir, '.vitepress/theme/index.ts'), '@shiplog/data': join(srcDir, 'data') },
      },
      plugins: [
        {
          // The dev server's first HTML has no <link rel=icon> yet, so browsers ask for /favicon.ico.
          name: 'shiplog-favicon',
          configureServer(server) {
            server.middlewares.use('/favicon.ico', (_req, res) => {
              res.setHeader('content-type', 'image/svg+xml')
              res.end(FAVICON)
            })
          },
        },
      ],
      server: {
        fs: { allow: [siteDir, srcDir, ...(options.project ? [options.project.dir] : [])] },
        // The search text is read by local search when a page changes, never imported: watching
        // one more file per release would only slow the dev server down.
        watch: { ignored: ['**/data/search/**'] },
      },
      build: { chunkSizeWarningLimit: 4096 },
    },
    themeConfig: {
      // VitePress shows `siteTitle` and navigation texts with `v-html`: HTML, as the settings hold.
      siteTitle: settings.titleHtml,
      nav: settings.nav.map((item) => ({
        text: item.html,
        link: item.href,
        activeMatch: item.href === '/' ? '^/(index\\.html)?$' : `^${item.href.replace(/\.html$/, '').replace(/index$/, '')}`,
      })),
      // No `sidebar`: a sidebar listing every release makes each page render all of them.
      outline: { level: [2, 3], label: 'On this page' },
      // An inline icon: named icons are fetched from api.iconify.design by the dev server.
      socialLinks: settings.repoUrl ? [{ icon: { svg: REPO_ICON }, link: settings.repoUrl, ariaLabel: 'Repository' }] : [],
      search: {
        provider: 'local',
        options: {
          _render: (_src, env) => searchText(env.relativePath),
          miniSearch: SEARCH_MINISEARCH,
        },
      },
      footer: { message: 'Generated by shiplog from the release records in git.' },
    },
  }
}
