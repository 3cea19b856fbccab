import type { ResolvedConfig } from '../config/types.ts'
import type { SiteSettings } from '../../shared/pageData.ts'

/** The settings the VitePress config reads: the project's `site` configuration and shiplog's navigation. */
export function siteSettingsOf(config: ResolvedConfig, dirs: { cacheDir: string; outDir: string }): SiteSettings {
  return {
    title: config.site.title,
    description: `Release records, progress and DORA metrics: ${config.site.title}`,
    base: config.site.base,
    repoUrl: config.site.repoUrl,
    nav: [
      { text: 'Releases', href: '/' },
      { text: 'Metrics', href: '/metrics.html' },
      { text: 'Open items', href: '/open-items.html' },
      { text: 'Components', href: '/components/' },
    ],
    cacheDir: dirs.cacheDir,
    outDir: dirs.outDir,
  }
}
