import type { ResolvedConfig } from '../config/types.ts'
import type { SiteRepo } from './siteBodyOptions.ts'

/** The repository a project's site links into (`site.repoUrl`, `site.branch`), or null when none is configured. */
export function siteRepoOf(config: ResolvedConfig): SiteRepo {
  return config.site.repoUrl ? { url: config.site.repoUrl, branch: config.site.branch } : null
}
