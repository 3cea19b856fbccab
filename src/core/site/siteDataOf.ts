import { escapeHtml } from './escapeHtml.ts'
import { safeUrl } from './safeUrl.ts'
import type { SiteData, SiteSettings } from '../../shared/pageData.ts'

/**
 * The site's settings as the VitePress config reads them: every text escaped by `escapeHtml`
 * (the rule for all text handed to VitePress), the repository address kept only when it is an
 * http(s) URL (VitePress links to it). Folders and the base path are not text shown on a page.
 */
export function siteDataOf(settings: SiteSettings): SiteData {
  return {
    titleHtml: escapeHtml(settings.title),
    descriptionHtml: escapeHtml(settings.description),
    base: settings.base,
    repoUrl: safeUrl(settings.repoUrl),
    nav: settings.nav.map((link) => ({ html: escapeHtml(link.text), href: link.href })),
    cacheDir: settings.cacheDir,
    outDir: settings.outDir,
  }
}
