import type { RuleSettings } from '../check/ruleSetting.ts'
import type { TargetSettings } from '../metrics/targets/types.ts'

/** Settings of a shiplog project (`shiplog.config.{ts,js,mjs,json}`). Every key is optional. */
export interface ShiplogConfig {
  /** Folder of the release records: a sub-folder of the project (not its root, no `..`). Default `releases`. */
  releases?: string
  /**
   * File name of a new record inside the releases folder. `{version}`, `{component}` and
   * `{environment}` are replaced by the record's values. Default `{version}.md`. Its names must be
   * ones every command reads as records (no `_` or `.` at the start of a name, no README/index).
   */
  fileName?: string
  /** Template used by `shiplog new` and for records without a `template` key. Default `deployment`. */
  template?: string
  /** Folder of the project's own templates (they override and add to the bundled ones): a sub-folder of the project. Default `templates`. */
  templates?: string
  site?: {
    /** Title of the published site. Default `Releases`. */
    title?: string
    /** Web address of the repository, e.g. `https://github.com/acme/releases`; enables links to each record's file. */
    repoUrl?: string
    /** Branch the links point at. Default `main`. */
    branch?: string
    /**
     * Output folder of `shiplog build`: relative to the project root, or absolute (a deploy
     * target). Never the project's own data (releases, templates, `.git`, `.shiplog`). Default `dist`.
     */
    outDir?: string
    /** Base path the site is served under, e.g. `/releases/`. Default `/`. */
    base?: string
    /**
     * Web address the site is published at, its home page (base path included), e.g.
     * `https://acme.github.io/releases/`. Gives the Atom feed and the calendar absolute links to each
     * release; without it their links are relative to where the file is served.
     */
    url?: string
  }
  /**
   * Rule settings, as in ESLint: `'off'` (or `0`) drops a rule's messages, `'warn'` (`1`) and
   * `'error'` (`2`) set their severity, e.g. `{ 'unfilled-placeholder': 'off' }`. An unknown rule id
   * is a configuration error. `status-gate`, `missing-group` and `signoff` are the release gate:
   * only `'error'` is accepted. The errors FORMAT.md requires of `frontmatter-schema` and
   * `unfilled-placeholder` stay errors whatever their setting (it applies to their warnings).
   */
  rules?: RuleSettings
  metrics?: {
    /**
     * Deploy days (UTC days with a deployment) in the median week that make the deployment
     * frequency class `daily`: a number from 1 to 7. Default 3, Four Keys' rule; Apache DevLake's
     * dashboard uses 5 (docs/metrics.md).
     */
    dailyDeployDays?: number
  }
  /**
   * Team targets `shiplog metrics` and the site check the figures against: a comparison per
   * metric, e.g. `{ changeFailureRate: '< 5%', recoveryTime: '< 15m', deploymentFrequency: '>= 10/week' }`.
   * Rates are percentages, times durations (`15m`, `1h 30m`, `PT1H`), the frequency deployments
   * per `day` or `week`. See docs/metrics.md, "Targets". An unknown metric is a configuration error.
   */
  targets?: TargetSettings
  /**
   * IANA timezone every date and time is shown in (`check` and `metrics` messages, the site), e.g.
   * `Australia/Sydney`. Unset (the default): a record's dates are shown in the offset they were
   * written with. Display only: windows, weeks and deploy days stay in UTC (FORMAT.md §5).
   */
  timezone?: string
  /**
   * The repository's label on records, routes and per-repository figures when `metrics` or
   * `build` read several project roots: a name of letters, digits, `.`, `_` and `-`. Default the
   * project folder's name (`repositoryOf`). See docs/org-scale.md, "Several repositories".
   */
  repository?: string
  /**
   * Other project roots `metrics` and `build` read with this one (paths relative to this project,
   * e.g. `["../payments", "../search"]`; `"."` is this project). Each root keeps its own
   * configuration, templates and rules. Without `--root` given twice, a project with a list reads
   * exactly the roots listed. See docs/org-scale.md, "Several repositories".
   */
  workspaces?: string[]
}

/** A configuration with every default applied. */
export interface ResolvedConfig {
  releases: string
  fileName: string
  template: string
  templates: string
  site: {
    title: string
    repoUrl: string | null
    branch: string
    outDir: string
    base: string
    /** The published address of the home page, ending in `/`, or null. */
    url: string | null
  }
  rules: RuleSettings
  metrics: {
    dailyDeployDays: number
  }
  targets: TargetSettings
  /** The display timezone (IANA name), or null: dates in the offset they were written with. */
  timezone: string | null
  /** The configured repository label, or null: the project folder's name (`repositoryOf`). */
  repository: string | null
  /** The workspace roots as written (relative to the project), `[]` without a list. */
  workspaces: string[]
}
