/**
 * The data shiplog writes for its VitePress site (JSON files under the generated `data/` folder)
 * and the Vue components in `site/.vitepress/theme/` render. Every string here is shown through
 * Vue interpolation (escaped); only `ReleasePage.bodyHtml`-style sanitized HTML is ever written
 * into a page as markup, and that is done by `releasePageSource`, never by a component.
 */
import type { GroupRole } from '../core/record/types.ts'

/** A link inside the site: `href` is base-less (`/releases/2.4.0.html`); components add the base. */
export interface SiteLink {
  text: string
  href: string
}

/** One row of the release lists (Home, a component's page). */
export interface ReleaseSummary {
  /** Route id: the record's path under the releases folder, lower-cased, without `.md`. */
  id: string
  href: string
  /** The record's path relative to the project root, with `/`. */
  file: string
  /**
   * The repository the record is in, when the site is built over several project roots
   * (`repositoryOf`); absent for the site of one project. Tables show a Repository column then.
   */
  repository?: string
  /** `release` and `version` joined, or the file name when both are missing. */
  title: string
  release: string | null
  version: string | null
  component: string | null
  environment: string | null
  status: string | null
  releaseType: string | null
  /** `scheduled` as written. */
  scheduled: string | null
  /** ISO instant used to order releases: the deploy time, else `scheduled`; null when neither reads. */
  when: string | null
  /**
   * The day of `when` as shown (`2026-11-27`): in the configured `timezone`, else in the offset the
   * date was written with (a release deployed 2026-11-27 10:15 +11:00 is listed on the 27th, not
   * on the 26th it is in UTC); null when `when` is.
   */
  whenText: string | null
  owner: string | null
  done: number
  total: number
  /** Whole per cent of counted items done, or null when nothing counts. */
  percent: number | null
  triggersFired: number
  /** Filled rows of Issues Encountered, and how many have a failure severity. */
  issues: number
  failureIssues: number
  /** Unchecked items that the record's status requires. */
  openRequired: number
  /** Problems of severity error found while reading the record. */
  errors: number
  /** The status the release moves to next (`nextStatus`); null in an end state (closed, rolled-back, failed, cancelled) or without a status. */
  next: string | null
  /** Items still open before `next` (`openItemsAt(record, next)`), overdue ones included; 0 when `next` is null. */
  nextLeft: number
}

export interface GroupView {
  name: string
  role: GroupRole
  done: number
  total: number
  counted: boolean
  /** The status at which the group must be complete, or null. */
  gate: string | null
  /** The record's status requires this group now. */
  required: boolean
  /** Line of the group's heading or label in the record (for links to its place on the page). */
  line: number
}

export interface StageView {
  name: string
  done: number
  total: number
  groups: GroupView[]
  /** The stage's role and expected duration against its actual one, when the template or the record gives any. */
  timing?: StageTimingView
  /** The id of the stage's heading in the record shown below the summary (VitePress's slug), for a link to its checklist. */
  anchor?: string
}

/** A stage's actual duration against the expected one (days are business days, Monday to Friday). */
export interface StageTimingView {
  /** Who is responsible (`Release Manager`), or null. */
  role: string | null
  /** The expected duration as the template writes it (`1-2 days`), or null. */
  expected: string | null
  /** `started` and `ended` as the record writes them, or null. */
  started: string | null
  ended: string | null
  /** `started` and `ended` as ISO instants, for `<time datetime>`; null when not read. */
  startedAt?: string | null
  endedAt?: string | null
  /** How long it took, in the expected unit (`1.35 business days`, `5.5 h`); null until it has ended. */
  took: string | null
  /** Longer than the expected maximum; null until it has ended or when nothing is expected. */
  over: boolean | null
}

export interface TimelineView {
  headers: string[]
  /** Minutes east of UTC the record's times are written in (from `scheduled`), for showing instants. */
  offsetMinutes: number
  rows: Array<{
    line: number
    phase: string
    /** The row's cells as written, in header order. */
    cells: string[]
    /** ISO instants read from Start/End Time (null when blank or unreadable). */
    start: string | null
    end: string | null
    /** Indexes in `cells` of the Start and End Time cells (shown in `<time datetime>`), or -1. */
    startCell?: number
    endCell?: number
    /** The row's duration in minutes (Duration, else End − Start), or null. */
    minutes: number | null
    /** The Duration, formatted (`1 h 30 min`), or the cell as written. */
    duration: string
    status: string
    /**
     * The phase is running: the record is `in-progress` and the row has a readable Start and an
     * empty End (`timelineMarksOf`). Absent: not running.
     */
    running?: boolean
    /** The phase names a rollback (`Rollback`, `Roll back`, `Back out`, `Revert`). Absent: not one. */
    rollback?: boolean
  }>
  /** Instants marked on the timeline: the incident, rollbacks, the restore (`timelineMarksOf`), in time order. */
  marks?: TimelineMarkView[]
}

/** An instant marked on the deployment timeline. */
export interface TimelineMarkView {
  /** `incident`: the first failure-severity Issues row's Time; `rollback`: a rollback row's Start; `restored`: `restored_at`. */
  kind: 'incident' | 'rollback' | 'restored'
  /** ISO instant. */
  at: string
  /** What happened, as text (`Incident: Authorisations fail with 5xx`). */
  label: string
  /** The record line it was read from (the Issues or Timeline row), or null for `restored_at`. */
  line: number | null
}

export interface IssuesView {
  headers: string[]
  rows: Array<{
    line: number
    cells: string[]
    issue: string
    severity: string
    /** The severity marks a failed deployment (critical, high, sev1, sev2, p1, p2). */
    failure: boolean
  }>
}

export interface OpenItem {
  /** Route id and link of the record. */
  id: string
  href: string
  file: string
  title: string
  component: string | null
  status: string | null
  stage: string
  group: string
  /** The status at which the group had to be complete. */
  gate: string
  text: string
  line: number
}

export interface ProblemView {
  line: number
  column: number
  rule: string
  severity: 'error' | 'warning' | 'info'
  message: string
}

export interface ChangeView {
  id: string
  title: string
  committedAt: string | null
  /** `committed_at` as an ISO instant (`<time datetime>`), or null when not a date-time. */
  committedIso?: string | null
  author: string | null
  /** Only http(s) addresses are kept; without one, a commit id links to the commit in `site.repoUrl`. */
  url: string | null
}

/** The JSON of one release page. */
export interface ReleaseField {
  label: string
  value: string
  /** For a date field, the ISO value `<time datetime>` carries (an instant, or a day). */
  datetime?: string
}

export interface ReleasePage {
  summary: ReleaseSummary
  /** Frontmatter shown as a definition list, in a fixed order. */
  fields: ReleaseField[]
  template: string
  stages: StageView[]
  triggers: { fired: Array<{ text: string; line: number }>; total: number }
  timeline: TimelineView | null
  issues: IssuesView | null
  changes: ChangeView[]
  openItems: OpenItem[]
  problems: ProblemView[]
  /** Unfilled `{{name}}` placeholders left in the record. */
  placeholders: number
  /** The deploy time (ISO) and the rule that gave it, when the record is a deployment (FORMAT.md §5). */
  /** `text`: the deploy time as shown (`2026-11-27 10:15 +11:00`), in the configured timezone or the offset written. */
  deployedAt: { at: string; text: string; source: string } | null
  /** The record's file in the repository, when `site.repoUrl` is configured. */
  sourceUrl: string | null
  historyUrl: string | null
  /** What stands between the release and its next status; null in an end state or without a status. */
  next: NextStepView | null
  /** The sign-off groups (role `signoff`) and who signs each item. */
  signoffs: SignoffGroupView[]
  // Links, dates and people (Site v2: search, 404, dates and links).
  /** Where the record is edited in the repository's web view (GitHub, GitLab), or null. */
  editUrl?: string | null
  /** The last commit that changed the record (`git log`), as ISO and as shown; null outside git or before its first commit. */
  lastUpdated?: DateView | null
  /** People the record names (owner, coordinator, business owner, sign-off names, change authors): what search finds them by. */
  people?: PersonView[]
}

/** A date or date-time as shown (`text`) and as `<time datetime>` reads it (`iso`). */
export interface DateView {
  iso: string
  text: string
}

export interface PersonView {
  /** `Owner`, `Coordinator`, `Business owner`, the sign-off's role (`Product Owner`), `Author`. */
  role: string
  name: string
}

export type TierName = 'elite' | 'high' | 'medium' | 'low'

/** One DORA tile / figure headline. */
export interface FigureTile {
  key: string
  label: string
  /** The figure formatted for reading (`2.33 per week`, `26.5 h`, `25%`), or `—`. */
  value: string
  raw: number | null
  /** A second line: the detail behind the value (`14 deployments`, `p90 40 h`, …). */
  detail: string
  tier: TierName | null
  /** The report's published band for the tier, as worded there. */
  band: string | null
  /** The report year the tier comes from. */
  year: number
  /** Why the figure is null, when it is. */
  reason: string | null
  href: string
  /** The team targets set for this figure (config `targets`), each with its outcome in words. */
  targets?: TargetView[]
  /** The rating in words: `High by DORA 2024: between once per day and once per week`; null when the figure is not rated. */
  rating?: string | null
  /** What the rating was read from: `weekly: 1 deploy day in the median week (at least weekly)`, `median 26.5 h (≤ 168 h)`. */
  basis?: string | null
}

/** A team target shown on a figure's tile and chart: met or missed is said in words, not by colour alone. */
export interface TargetView {
  /** The target's metric (`changeFailureRate`, `deploymentSuccessRate`, …). */
  metric: string
  /** `target < 5%`; a target of another metric names it: `target success rate > 95%`. */
  text: string
  /** Over the whole window: `met`, `missed`, or `no data` (a figure without a value is neither). */
  outcome: 'met' | 'missed' | 'no data'
  /** The bound in the chart's axis unit (per cent for rates), where the chart draws its line; null when it draws none. */
  line: number | null
}

export interface ChartSeries {
  label: string
  values: Array<number | null>
}

/** A chart's data: one value per period (bars), optionally a second series drawn inside the first. */
export interface ChartView {
  title: string
  description: string
  unit: string
  labels: string[]
  /** Values as printed in the chart's table (and on the bars when there are few), aligned with `labels`. */
  printed: string[]
  /** Shorter labels for the bars when there are many: the value in the axis unit, or `–` for none. */
  short: string[]
  series: ChartSeries[]
  /** Team targets drawn on the chart as a line with a label (see `TargetView`). */
  targets?: TargetView[]
  /** What each bar was measured over (`n`), aligned with `labels`: deployments, changes, recoveries… */
  samples?: number[]
  /** What `samples` counts, singular and plural: `['change', 'changes']`. */
  sampleNoun?: [string, string]
  /** Where each bar's records are listed (base-less), aligned with `labels`; null for a bar without records. */
  hrefs?: Array<string | null>
}

export interface TrendViews {
  week: ChartView[]
  month: ChartView[]
}

export interface HomePage {
  title: string
  /** `2026-03-02 – 2026-03-30 (UTC)` (windows are UTC days), or null when nothing was measured. */
  window: string | null
  environment: string
  benchmark: { year: number; report: string; url: string }
  tiles: FigureTile[]
  trends: TrendViews
  /** The most recent releases (at most `HOME_RELEASES`); `totals.records` counts them all. */
  releases: ReleaseSummary[]
  /** The components and environments of the releases listed (the table's filters). */
  components: string[]
  environments: string[]
  statuses: Array<{ status: string; count: number }>
  /** `open`: releases in flight, items left before their next status, overdue items (`openCountsOf`). */
  totals: { records: number; open: OpenCounts; errors: number }
}

export interface EvidenceRow {
  file: string
  href: string | null
  title: string
  line: number
  value: string
  detail: string
}

export interface ExclusionRow {
  file: string
  href: string | null
  title: string
  line: number
  code: string
  reason: string
}

export interface FigureSection {
  key: string
  /** Anchor on the metrics page. */
  anchor: string
  title: string
  /** How the figure is computed, in one sentence. */
  definition: string
  tile: FigureTile
  /** A DORA key metric, rated against the report's tiers. */
  rated: boolean
  /** Column heading of the evidence rows' values. */
  valueLabel: string
  charts: { week: ChartView; month: ChartView }
  /** The report year's tiers of a DORA key metric, for the legend; null for the other figures. */
  legend?: TierLegend | null
  /** The evidence rows of each period with records, the target of the chart's bar links. */
  periods?: { week: PeriodRecords[]; month: PeriodRecords[] }
  /** The most recent records behind the figure (at most `METRICS_INLINE_ROWS`), in the figure's order. */
  evidence: EvidenceRow[]
  /** How many records are behind the figure: `evidence` holds them all when it is as long. */
  evidenceCount: number
  /** Every record behind the figure as CSV, from the site's root (`/data/metrics/<anchor>.csv`). */
  evidenceCsv: string
  excluded: ExclusionRow[]
}

export interface MetricsPage {
  title: string
  window: string | null
  environment: string
  benchmark: { year: number; report: string; url: string }
  figures: FigureSection[]
  /** Records left out of every figure. */
  excluded: ExclusionRow[]
  warnings: Array<{ file: string; href: string | null; line: number; column: number; rule: string; message: string }>
}

export interface OpenItemsPage {
  items: OpenItem[]
  /** Records with open items, most items first. */
  records: Array<{ id: string; href: string; title: string; status: string | null; component: string | null; count: number }>
  /** Every release with something left before its next status or overdue, newest first (see `OpenReleaseView`). */
  releases: OpenReleaseView[]
}

/** Open work across releases (`openCountsOf`). */
export interface OpenCounts {
  /** Releases not in an end state: they have a next status. */
  inFlight: number
  /** Items open before those releases' next status, overdue ones included. */
  left: number
  /** Items the releases' current status already requires that are still open. */
  overdue: number
}

export interface ComponentSummary {
  name: string
  href: string
  releases: number
  latest: ReleaseSummary | null
  open: OpenCounts
}

export interface ComponentsPage {
  components: ComponentSummary[]
}

export interface ComponentPage {
  name: string
  window: string | null
  environment: string
  benchmark: { year: number; report: string; url: string }
  tiles: FigureTile[]
  trends: TrendViews
  releases: ReleaseSummary[]
  environments: string[]
}

/** Site-wide settings, as text (see `SiteData` for what the VitePress config reads). */
export interface SiteSettings {
  title: string
  description: string
  base: string
  repoUrl: string | null
  nav: SiteLink[]
  /** Absolute folders the config points VitePress at. */
  cacheDir: string
  outDir: string
}

/**
 * What the VitePress config reads (`data/site.json`), made from `SiteSettings` by `siteDataOf`:
 * its texts are HTML (`escapeHtml`), because VitePress writes them into pages both escaped and as
 * they are (the description into `<meta content>`, the navigation with `v-html`).
 */
export interface SiteData {
  titleHtml: string
  descriptionHtml: string
  base: string
  repoUrl: string | null
  nav: Array<{ html: string; href: string }>
  /** The Atom feed's and the calendar's addresses under the base path (head links), and the footer that links them, as HTML. */
  feedHref: string
  calendarHref: string
  footerHtml: string
  /** Absolute folders the config points VitePress at. */
  cacheDir: string
  outDir: string
}

// ── What is left, and who signs off ──────────────────────────────────────────────────────────────

/** A group's open items, listed under the group (each item links to its place in the record, `#L<line>`). */
export interface OpenGroupView {
  stage: string
  group: string
  /** The status at which the group must be complete. */
  gate: string
  items: Array<{ text: string; line: number }>
}

/**
 * What stands between a release and its next status: `openItemsAt(record, nextStatus(status))`,
 * split into the items the current status already requires (`overdue`: their gate is passed) and
 * the items first required at `next` (`due`). `left` counts both.
 */
export interface NextStepView {
  status: string
  next: string
  left: number
  overdue: OpenGroupView[]
  due: OpenGroupView[]
}

/** One release on the Open items page. */
export interface OpenReleaseView {
  id: string
  href: string
  title: string
  status: string | null
  component: string | null
  owner: string | null
  /** The next status, or null in an end state (then only `overdue` is listed). */
  next: string | null
  /** Items open before `next` (overdue included); without `next`, the overdue ones. */
  left: number
  overdue: OpenGroupView[]
  due: OpenGroupView[]
}

/** A sign-off group (role `signoff`, e.g. Stakeholder Sign-off) and its items as `Role: Name`. */
export interface SignoffGroupView {
  stage: string
  group: string
  gate: string | null
  /** The release's status requires every item signed now. */
  required: boolean
  signed: number
  /** Items that are not struck out as not applicable. */
  total: number
  items: Array<{
    /** Before the first `:` (the whole text without one). */
    role: string
    /** After the first `:`, as written; null without a `:`. */
    name: string | null
    /** `name` names a person (not empty, not `TBD`, `-`, `?`, a placeholder…). */
    named: boolean
    signed: boolean
    notApplicable: boolean
    line: number
  }>
}

// ── Tier legends and the records behind each bar (metrics page) ──

/** A DORA key metric's published tiers for the report year, each band as worded there. */
export interface TierLegend {
  /** The report's name of the metric that year (`Change lead time`). */
  metric: string
  year: number
  report: string
  url: string
  rows: Array<{
    tier: TierName
    /** The band as published (`Between one day and one week`). */
    band: string
    /** Where a peer splits a band the report shares between tiers: this tier's part (`16%–20%`) and who splits it. */
    split: string | null
    /** The figure is rated this tier. */
    current: boolean
  }>
}

/** The evidence rows of one period of a chart: the records behind its bar. */
export interface PeriodRecords {
  period: string
  /** The anchor the bar links to (`lead-time--2026-W10`). */
  id: string
  /** The bar's `n`. */
  samples: number
  /** The period's records; empty when the page leaves them to the figure's CSV (then `omitted` says how many). */
  rows: EvidenceRow[]
  /** Records of this period in the figure's CSV only. */
  omitted: number
}

/** The 404 page's data (`data/not-found.json`): the most recent releases, newest first. */
export interface NotFoundPage {
  latest: ReleaseSummary[]
}
