import type { ResolvedConfig } from './types.ts'

export const DEFAULT_CONFIG: ResolvedConfig = {
  releases: 'releases',
  fileName: '{version}.md',
  template: 'deployment',
  templates: 'templates',
  site: { title: 'Releases', repoUrl: null, branch: 'main', outDir: 'dist', base: '/', url: null },
  rules: {},
  metrics: { dailyDeployDays: 3 },
  targets: {},
  timezone: null,
  repository: null,
  workspaces: [],
}
