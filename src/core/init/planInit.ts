import { ShiplogError } from '../errors.ts'
import { CI_WORKFLOW } from './ciWorkflow.ts'
import { installCommands } from './installCommands.ts'
import { parseManifest } from '../template/parseManifest.ts'
import type { TargetSettings } from '../metrics/targets/types.ts'

/** What `shiplog init` found in the folder, and what it was asked for. */
export interface PlanInitOptions {
  /** Write `shiplog.config.ts` (with `defineConfig`) instead of `shiplog.config.json`. */
  ts?: boolean
  /** Names of the bundled templates to copy into `templates/`; the first is the default. Default `['deployment']`. */
  templates?: readonly string[]
  /** The bundled templates' text, by name. */
  bundled: ReadonlyMap<string, string>
  /** The folder's name (the site's title when package.json has no name). */
  folderName: string
  /** The configuration file already in the folder (e.g. `shiplog.config.ts`), or null. */
  configFile: string | null
  /** The folder's package.json text, or null when it has none. */
  packageJson: string | null
  /** The folder's .gitignore text, or null when it has none. */
  gitignore: string | null
  /** shiplog's own version, which names the tarball `npm pack` makes (default `<version>`). */
  shiplogVersion?: string
}

/** A file `shiplog init` creates unless it already exists. */
export interface PlannedFile {
  /** Relative to the project folder, with `/`. */
  path: string
  content: string
  /** What the file is for, as the report prints it. */
  purpose: string
}

export interface InitPlan {
  /** Files to create, in order; existing files are kept as they are. */
  files: PlannedFile[]
  /** A configuration file already there (the plan then writes none), or null. */
  keptConfig: string | null
  /** The template `shiplog new` uses by default. */
  defaultTemplate: string
  /** npm scripts to suggest (shiplog never edits package.json). */
  scripts: { [name: string]: string }
  /** Lines the existing .gitignore lacks (shiplog never edits it). */
  gitignore: string[]
  /** Further advice: a missing package.json, shiplog not a dependency. */
  notes: string[]
}

export const RELEASES_DIR = 'releases'
export const TEMPLATES_DIR = 'templates'
export const CONFIG_JSON = 'shiplog.config.json'
export const CONFIG_TS = 'shiplog.config.ts'
export const WORKFLOW_PATH = '.github/workflows/shiplog.yml'
/** What git should ignore: shiplog's work folder and the built site. */
export const IGNORED = ['.shiplog/', 'dist/'] as const

export const SCRIPTS: { readonly [name: string]: string } = {
  'releases:new': 'shiplog new',
  'releases:status': 'shiplog status',
  'releases:check': 'shiplog check',
  'releases:metrics': 'shiplog metrics',
  'releases:site': 'shiplog build',
}

/**
 * Plans `shiplog init` in an existing repository, without touching the disk: the configuration
 * (JSON, or TypeScript with `--ts`), the chosen bundled templates copied into `templates/`, a
 * `releases/README.md`, the CI workflow example and a `.gitignore` for the site's folders (when
 * there is none). Throws a ShiplogError (exit 2) for an unknown template.
 */
export function planInit(options: PlanInitOptions): InitPlan {
  const wanted = [...new Set(options.templates && options.templates.length > 0 ? options.templates : ['deployment'])]
  const unknown = wanted.filter((name) => !options.bundled.has(name))
  if (unknown.length > 0) {
    const known = [...options.bundled.keys()].sort().join(', ')
    throw new ShiplogError(`Unknown template${unknown.length === 1 ? '' : 's'} ${unknown.map((name) => `"${name}"`).join(', ')}: expected ${known ? `one of ${known}` : 'a bundled template'}`, 2)
  }
  const defaultTemplate = wanted[0] as string
  const pkg = readPackageJson(options.packageJson)
  const title = `${pkg.name ?? options.folderName} releases`
  const files: PlannedFile[] = []
  if (options.configFile === null) {
    const config: SiteConfig = { releases: RELEASES_DIR, fileName: '{version}.md', template: defaultTemplate, templates: TEMPLATES_DIR, site: { title, ...(pkg.repoUrl ? { repoUrl: pkg.repoUrl } : {}) } }
    // The default template's team targets (its manifest's `targets:`), so that they live beside its prose.
    const targets = parseManifest(options.bundled.get(defaultTemplate) as string, defaultTemplate).manifest?.targets
    if (targets !== undefined && Object.keys(targets).length > 0) config.targets = targets
    files.push(
      options.ts
        ? { path: CONFIG_TS, content: tsConfig(config), purpose: 'configuration' }
        : { path: CONFIG_JSON, content: `${JSON.stringify(config, null, 2)}\n`, purpose: 'configuration' },
    )
  }
  for (const name of wanted) {
    files.push({ path: `${TEMPLATES_DIR}/${name}.md`, content: options.bundled.get(name) as string, purpose: `template${name === defaultTemplate && options.configFile === null ? ' (the default)' : ''}` })
  }
  files.push({ path: `${RELEASES_DIR}/README.md`, content: releasesReadme(defaultTemplate), purpose: 'the release records folder (its README is not read as a record)' })
  files.push({ path: WORKFLOW_PATH, content: CI_WORKFLOW, purpose: 'CI: shiplog check on pull requests and main' })
  let gitignore: string[] = []
  if (options.gitignore === null) {
    files.push({ path: '.gitignore', content: `# shiplog's work folder and the built site\n${IGNORED.join('\n')}\n`, purpose: 'keeps the site build out of git' })
  } else {
    gitignore = IGNORED.filter((entry) => !ignores(options.gitignore as string, entry))
  }
  const notes: string[] = []
  const install = installCommands(options.shiplogVersion ?? '<version>')
  if (options.packageJson === null) {
    notes.push(['There is no package.json: the CI workflow runs `npm ci` and `npx shiplog`, so add one (npm init -y) with shiplog as a devDependency, one of these ways, or edit the workflow:', ...install].join('\n'))
  } else if (!pkg.hasShiplog) {
    notes.push(['Add shiplog to the project so CI can run it (the workflow runs `npm ci` and `npx shiplog`), one of these ways:', ...install].join('\n'))
  }
  return { files, keptConfig: options.configFile, defaultTemplate, scripts: { ...SCRIPTS }, gitignore, notes }
}

interface SiteConfig {
  releases: string
  fileName: string
  template: string
  templates: string
  site: { title: string; repoUrl?: string }
  targets?: TargetSettings
}

function tsConfig(config: SiteConfig): string {
  const q = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
  const site = [`title: ${q(config.site.title)}`, ...(config.site.repoUrl ? [`repoUrl: ${q(config.site.repoUrl)}`] : [])].join(', ')
  return [
    "import { defineConfig } from 'shiplog'",
    '',
    'export default defineConfig({',
    `  releases: ${q(config.releases)},`,
    `  fileName: ${q(config.fileName)},`,
    `  template: ${q(config.template)},`,
    `  templates: ${q(config.templates)},`,
    `  site: { ${site} },`,
    ...(config.targets === undefined
      ? []
      : [`  targets: { ${Object.entries(config.targets).map(([metric, target]) => `${metric}: ${q(target)}`).join(', ')} },`]),
    '})',
    '',
  ].join('\n')
}

function releasesReadme(defaultTemplate: string): string {
  return [
    '# Release records',
    '',
    'One Markdown record per release, kept in git and read by shiplog. shiplog ignores this README',
    '(and `index.md`, and files whose names start with `_` or `.`) when it reads records.',
    '',
    `- \`npx shiplog new <version>\` renders a new record from a template in \`templates/\` (default: \`${defaultTemplate}\`;`,
    '  `npx shiplog templates` lists them all).',
    '- `npx shiplog status` shows the progress of each record, stage and checklist.',
    "- `npx shiplog check` fails when a record's status claims work its checklists do not show as done;",
    '  CI runs it (`.github/workflows/shiplog.yml`).',
    '- `npx shiplog metrics` computes DORA figures from the production records.',
    '- `npx shiplog build` publishes the records as a static site.',
    '',
  ].join('\n')
}

interface PackageInfo {
  name?: string
  repoUrl?: string
  hasShiplog: boolean
}

function readPackageJson(text: string | null): PackageInfo {
  if (text === null) return { hasShiplog: false }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { hasShiplog: false }
  }
  if (typeof data !== 'object' || data === null) return { hasShiplog: false }
  const pkg = data as { name?: unknown; repository?: unknown; dependencies?: unknown; devDependencies?: unknown }
  const info: PackageInfo = {
    hasShiplog: [pkg.dependencies, pkg.devDependencies].some((deps) => typeof deps === 'object' && deps !== null && Object.hasOwn(deps, 'shiplog')),
  }
  if (typeof pkg.name === 'string' && pkg.name.trim() !== '') info.name = pkg.name.trim().replace(/^@[^/]+\//, '')
  const repository = typeof pkg.repository === 'object' && pkg.repository !== null ? (pkg.repository as { url?: unknown }).url : pkg.repository
  const repoUrl = typeof repository === 'string' ? webUrl(repository) : null
  if (repoUrl) info.repoUrl = repoUrl
  return info
}

/** The web address of a package.json `repository` (`github:acme/api`, `git+https://…/api.git`, `git@github.com:acme/api.git`), or null. */
export function webUrl(repository: string): string | null {
  const value = repository.trim()
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+)\/([\w.-]+)$/.exec(value)
  if (shorthand) {
    const host = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' }[shorthand[1] ?? 'github'] as string
    return `https://${host}/${shorthand[2]}/${(shorthand[3] as string).replace(/\.git$/, '')}`
  }
  const ssh = /^(?:git\+)?(?:ssh:\/\/)?git@([\w.-]+)[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(value)
  if (ssh) return `https://${ssh[1]}/${ssh[2]}/${ssh[3]}`
  const web = /^(?:git\+)?(https?):\/\/(?:[^@/]+@)?([\w.-]+(?::\d+)?)\/(.+?)(?:\.git)?\/?$/.exec(value)
  if (web) return `${web[1]}://${web[2]}/${web[3]}`
  return null
}

/** Whether a .gitignore has a line ignoring `entry` (`dist/` matches `dist`, `/dist` and `/dist/`). */
function ignores(gitignore: string, entry: string): boolean {
  const bare = entry.replace(/\/$/, '')
  return gitignore.split(/\r?\n/).some((line) => line.trim().replace(/^\//, '').replace(/\/$/, '') === bare)
}
