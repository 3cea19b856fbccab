import { posix } from 'node:path'
import { z } from 'zod'
import { DEFAULT_CONFIG } from './defaultConfig.ts'
import { OVERRIDE_FLAGS } from './overrideFlags.ts'
import type { ResolvedConfig, ShiplogConfig } from './types.ts'
import { ShiplogError } from '../errors.ts'
import { didYouMean } from '../didYouMean.ts'
import { GATE_RULE_IDS, RULE_IDS } from '../check/ruleIds.ts'
import { parseTarget } from '../metrics/targets/parseTarget.ts'
import { TARGET_METRIC_NAMES } from '../metrics/targets/targetMetrics.ts'
import { isTimeZone } from '../../shared/formatDate.ts'

const isAbsolutePath = (value: string): boolean => value.startsWith('/') || value.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(value)
const hasParentStep = (value: string): boolean => value.split(/[\\/]/).includes('..')
/** A relative path with `/`, normalized, without a trailing `/` (`.` for the project root). */
const normalizedFolder = (value: string): string => posix.normalize(value.split('\\').join('/')).replace(/\/+$/, '') || '.'

/** A folder of the project's own (releases, templates): inside it, and not the project root. */
const projectSubfolder = z
  .string()
  .min(1)
  .refine((value) => !isAbsolutePath(value) && !hasParentStep(value), { message: 'expected a folder inside the project (no absolute path, no `..`)' })
  .refine((value) => isAbsolutePath(value) || hasParentStep(value) || normalizedFolder(value) !== '.', {
    message: 'expected a sub-folder of the project (e.g. `releases`), not the project root itself',
  })

/** The output folder: inside the project (not the root), or an absolute path (a deploy target). */
const outputFolder = z
  .string()
  .min(1)
  .refine((value) => isAbsolutePath(value) || (!hasParentStep(value) && normalizedFolder(value) !== '.'), {
    message: 'expected a folder inside the project (no `..`, not the project itself), or an absolute path',
  })

/** Folder and file names `new` may write: ones every command reads as records (FORMAT.md §1). */
const recordNamePattern = (value: string): boolean => {
  const segments = value.split('/')
  const last = segments[segments.length - 1] ?? ''
  return (
    segments.every((segment) => !segment.startsWith('_') && !segment.startsWith('.')) &&
    !['readme.md', 'index.md'].includes(last.toLowerCase())
  )
}

/** A repository label: it names records in output and is a segment of site routes. */
export const REPOSITORY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

const SETTINGS = "`off`, `warn` or `error` (or ESLint's 0, 1, 2)"

/** A rule's setting: `off`/`0`, `warn`/`1`, `error`/`2`; only `error`/`2` for a rule that is the release gate. */
const ruleSetting = (id: string): z.ZodType =>
  GATE_RULE_IDS.includes(id as (typeof GATE_RULE_IDS)[number])
    ? z.union([z.literal('error'), z.literal(2)], {
        error: (issue) =>
          `Unexpected ${JSON.stringify(issue.input)} for rule \`${id}\`, expected \`error\`: it is the release gate (FORMAT.md §4), so it cannot be turned off or lowered to a warning`,
      })
    : z.union([z.enum(['off', 'warn', 'error']), z.literal(0), z.literal(1), z.literal(2)], {
        error: (issue) => `Unexpected ${JSON.stringify(issue.input)} for rule \`${id}\`, expected ${SETTINGS}`,
      })

/** `rules`: a setting per rule id; an unknown id is a configuration error. */
const rulesSchema = z.object(Object.fromEntries(RULE_IDS.map((id) => [id, ruleSetting(id).optional()]))).strict()

/** The message for rule ids that are not rules: each, with the closest id when it looks like a typo. */
function unknownRules(keys: readonly PropertyKey[]): string {
  return keys
    .map((key) => {
      const guess = didYouMean(String(key), RULE_IDS)
      return `Unexpected rule \`${String(key)}\`${guess === null ? '' : ` (did you mean \`${guess}\`?)`}`
    })
    .join('; ')
    .concat(`, expected one of ${RULE_IDS.map((id) => `\`${id}\``).join(', ')}`)
}

/** A target: a comparison and a bound the metric reads (`parseTarget`, docs/metrics.md "Targets"). */
const targetSetting = (metric: string): z.ZodType => {
  const problem = (value: unknown): string | undefined => {
    const parsed = parseTarget(metric, value)
    return 'error' in parsed ? parsed.error : undefined
  }
  return z.string({ error: (issue) => problem(issue.input) }).superRefine((value, context) => {
    const message = problem(value)
    if (message !== undefined) context.addIssue({ code: 'custom', message })
  })
}

/** `targets`: a target per metric; an unknown metric is a configuration error. */
const targetsSchema = z
  .object(Object.fromEntries(TARGET_METRIC_NAMES.map((metric) => [metric, targetSetting(metric).optional()])))
  .strict()

/** The message for target names that are not metrics: each, with the closest name when it looks like a typo. */
function unknownTargets(keys: readonly PropertyKey[]): string {
  return keys
    .map((key) => {
      const guess = didYouMean(String(key), TARGET_METRIC_NAMES)
      return `Unexpected metric \`${String(key)}\`${guess === null ? '' : ` (did you mean \`${guess}\`?)`}`
    })
    .join('; ')
    .concat(`, expected one of ${TARGET_METRIC_NAMES.map((name) => `\`${name}\``).join(', ')}`)
}

/** The configuration's schema (exported for its JSON Schema, `configJsonSchema`). */
export const configSchema = z
  .object({
    releases: projectSubfolder.optional(),
    fileName: z
      .string()
      .min(1)
      .refine((value) => value.includes('{version}'), { message: 'expected a pattern containing `{version}`' })
      .refine((value) => value.endsWith('.md'), { message: 'expected a pattern ending in `.md`' })
      .refine(recordNamePattern, {
        message: 'expected a pattern whose names are read as records: no folder or file starting with `_` or `.`, no `README.md` or `index.md`',
      })
      .optional(),
    template: z.string().min(1).optional(),
    templates: projectSubfolder.optional(),
    site: z
      .object({
        title: z.string().min(1).optional(),
        repoUrl: z
          .string()
          .refine((value) => /^https?:\/\//.test(value), { message: 'expected an http(s) address' })
          .optional(),
        branch: z.string().min(1).optional(),
        outDir: outputFolder.optional(),
        base: z
          .string()
          .refine((value) => value.startsWith('/') && value.endsWith('/'), { message: 'expected a path that starts and ends with `/`' })
          .optional(),
        url: z
          .string()
          .refine((value) => URL.canParse(value) && /^https?:\/\/[^?#]*$/.test(value), { message: 'expected the http(s) address the site is published at (no `?` or `#`), e.g. `https://acme.github.io/releases/`' })
          .optional(),
      })
      .strict()
      .optional(),
    rules: rulesSchema.optional(),
    metrics: z
      .object({
        dailyDeployDays: z
          .number({ error: 'expected a number of deploy days per week from 1 to 7 (default 3)' })
          .min(1, { message: 'expected a number of deploy days per week from 1 to 7 (default 3)' })
          .max(7, { message: 'expected a number of deploy days per week from 1 to 7 (default 3)' })
          .optional(),
      })
      .strict()
      .optional(),
    targets: targetsSchema.optional(),
    timezone: z
      .string({ error: (issue) => `Unexpected ${JSON.stringify(issue.input)}, expected an IANA timezone name like \`Australia/Sydney\`` })
      .refine(isTimeZone, {
        error: (issue) => `Unexpected timezone ${JSON.stringify(issue.input)}, expected an IANA timezone name like \`Australia/Sydney\`, \`Europe/Paris\` or \`UTC\``,
      })
      .optional(),
    repository: z
      .string({ error: (issue) => `Unexpected ${JSON.stringify(issue.input)}, expected a repository name like \`payments-api\`` })
      .refine((value) => REPOSITORY_NAME.test(value), {
        error: (issue) => `Unexpected repository ${JSON.stringify(issue.input)}, expected a name of letters, digits, \`.\`, \`_\` and \`-\` (at most 100), like \`payments-api\``,
      })
      .optional(),
    workspaces: z
      .array(
        z
          .string({ error: 'expected a project root, a path relative to this project like `../payments`' })
          .refine((value) => value.trim() !== '', { message: 'expected a project root, a path relative to this project like `../payments`' }),
        { error: 'expected a list of project roots, e.g. ["../payments", "../search"]' },
      )
      .min(1, { message: 'expected at least one project root, e.g. ["../payments", "../search"]' })
      .optional(),
    /** The JSON Schema an editor validates `shiplog.config.json` with; read by editors only. */
    $schema: z.string().optional(),
  })
  .strict()

interface Issue {
  /** The key, e.g. `site.outDir` (`(top level)` for the object itself). */
  key: string
  message: string
}

function issuesOf(value: unknown): Issue[] {
  const parsed = configSchema.safeParse(value)
  if (parsed.success) return []
  return parsed.error.issues.map((issue) => ({
    key: issue.path.length > 0 ? issue.path.join('.') : '(top level)',
    message:
      issue.code === 'unrecognized_keys' && issue.path.length === 1 && issue.path[0] === 'rules'
        ? unknownRules(issue.keys)
        : issue.code === 'unrecognized_keys' && issue.path.length === 1 && issue.path[0] === 'targets'
          ? unknownTargets(issue.keys)
          : issue.code === 'unrecognized_keys'
          ? `unknown key(s) ${issue.keys.map((k) => `\`${k}\``).join(', ')}`
          : issue.message,
  }))
}

function valueAt(config: unknown, key: string): unknown {
  let value = config
  for (const part of key.split('.')) value = typeof value === 'object' && value !== null ? (value as { [key: string]: unknown })[part] : undefined
  return value
}

/**
 * The folders of the project's own data that a relative output folder may neither be, hold nor
 * lie inside (the output folder is replaced whole on every build). The real paths are checked
 * again before a build (`siteDirsOf`), links and absolute paths included.
 */
function outputFolderIssue(config: ResolvedConfig): string | null {
  const out = config.site.outDir
  if (isAbsolutePath(out)) return null
  const outFolder = normalizedFolder(out)
  const own: Array<[string, string]> = [
    [`the releases folder \`${config.releases}\``, normalizedFolder(config.releases)],
    [`the templates folder \`${config.templates}\``, normalizedFolder(config.templates)],
    ['`.git`', '.git'],
    ['`.shiplog`', '.shiplog'],
  ]
  for (const [name, folder] of own) {
    const relation = outFolder === folder ? 'is' : outFolder.startsWith(`${folder}/`) ? 'lies inside' : folder.startsWith(`${outFolder}/`) ? 'holds' : null
    if (relation !== null) return `it ${relation} ${name}, expected an output folder apart from the project's own files (e.g. \`dist\`): it is replaced on every build`
  }
  return null
}

/**
 * Validates a configuration and applies defaults; `overrides` (from command-line flags) win over
 * the file and are validated exactly as the file's keys are. Throws a ShiplogError (exit code 2)
 * naming the source (the file and key, or the flag) of every bad value.
 */
export function resolveConfig(
  fromFile: unknown,
  source: string,
  overrides: ShiplogConfig = {},
): ResolvedConfig {
  const lines = issuesOf(fromFile ?? {}).map((issue) => `${source}: \`${issue.key}\`: ${issue.message}`)
  const flagLine = (key: string, message: string): string => {
    const flag = OVERRIDE_FLAGS[key] ?? `override \`${key}\``
    return `Unexpected ${flag} ${JSON.stringify(valueAt(overrides, key))}: ${message}`
  }
  const flagLines = issuesOf(overrides).map((issue) => flagLine(issue.key, issue.message))
  if (lines.length > 0 || flagLines.length > 0) {
    throw new ShiplogError([...(lines.length > 0 ? ['Invalid configuration:', ...lines] : []), ...flagLines].join('\n'), 2)
  }
  const file = fromFile as ShiplogConfig | undefined
  const config: ResolvedConfig = {
    releases: overrides.releases ?? file?.releases ?? DEFAULT_CONFIG.releases,
    fileName: overrides.fileName ?? file?.fileName ?? DEFAULT_CONFIG.fileName,
    template: overrides.template ?? file?.template ?? DEFAULT_CONFIG.template,
    templates: overrides.templates ?? file?.templates ?? DEFAULT_CONFIG.templates,
    site: {
      title: overrides.site?.title ?? file?.site?.title ?? DEFAULT_CONFIG.site.title,
      repoUrl: overrides.site?.repoUrl ?? file?.site?.repoUrl ?? DEFAULT_CONFIG.site.repoUrl,
      branch: overrides.site?.branch ?? file?.site?.branch ?? DEFAULT_CONFIG.site.branch,
      outDir: overrides.site?.outDir ?? file?.site?.outDir ?? DEFAULT_CONFIG.site.outDir,
      base: overrides.site?.base ?? file?.site?.base ?? DEFAULT_CONFIG.site.base,
      url: siteUrlOf(overrides.site?.url ?? file?.site?.url ?? DEFAULT_CONFIG.site.url),
    },
    rules: { ...DEFAULT_CONFIG.rules, ...file?.rules, ...overrides.rules },
    metrics: {
      dailyDeployDays: overrides.metrics?.dailyDeployDays ?? file?.metrics?.dailyDeployDays ?? DEFAULT_CONFIG.metrics.dailyDeployDays,
    },
    targets: { ...DEFAULT_CONFIG.targets, ...file?.targets, ...overrides.targets },
    timezone: overrides.timezone ?? file?.timezone ?? DEFAULT_CONFIG.timezone,
    repository: overrides.repository ?? file?.repository ?? DEFAULT_CONFIG.repository,
    workspaces: overrides.workspaces ?? file?.workspaces ?? DEFAULT_CONFIG.workspaces,
  }
  const outIssue = outputFolderIssue(config)
  if (outIssue !== null) {
    throw new ShiplogError(
      overrides.site?.outDir !== undefined ? flagLine('site.outDir', outIssue) : `Invalid configuration:\n${source}: \`site.outDir\`: ${outIssue}`,
      2,
    )
  }
  return config
}

/** The site's address with a trailing `/` (links to pages resolve under it), or null. */
function siteUrlOf(url: string | null): string | null {
  if (url === null) return null
  return url.endsWith('/') ? url : `${url}/`
}
