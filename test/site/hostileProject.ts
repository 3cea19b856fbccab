import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { copyFixtureProject } from './helpers.ts'

/*
 * A project whose every value is an attack: each frontmatter key of FORMAT.md §2, an unknown key,
 * each field of a `changes` entry, `tags`, a folder name, file names, component names and the
 * site's title carry a payload that calls `__hit(label)` (the browser tests expose it with
 * `page.exposeFunction`) through every way into a page: breaking out of an attribute, closing a
 * `<script>`, a Vue expression, a `javascript:` URL and VitePress's include directive. On the
 * build machine (no `__hit`), the Vue expression appends its label to the marker file instead.
 */

/** JavaScript as `%XX` escapes: a Vue expression can decode it with `decodeURIComponent` (one of Vue's allowed globals), with no quote in the way. */
function percentEncoded(code: string): string {
  return [...code].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')
}

/** A Vue expression that runs `code` if it is ever compiled: `$options.constructor.constructor` is `Function`. */
function vueExpression(code: string): string {
  return `{{ $options.constructor.constructor(decodeURIComponent('${percentEncoded(code)}'))() }}`
}

/**
 * The payload of a value: its label first (a word to search for), then every vector. The Vue
 * expression calls `__hit` in a browser and appends the label to `marker` on the build machine.
 */
export function payload(label: string, marker: string): string {
  const code = `typeof __hit==='function'?__hit('${label}:vue'):process.getBuiltinModule('fs').appendFileSync(${JSON.stringify(marker)},'${label} ')`
  return [
    label,
    `zz"><img src=x onerror="__hit('${label}:attr')">`,
    `'><svg onload="__hit('${label}:svg')">`,
    `</script><script>__hit('${label}:script')</script>`,
    `</title><script>__hit('${label}:title')</script>`,
    vueExpression(code),
    '<!--@include: ../../secret.txt-->',
    `javascript:__hit('${label}:url')`,
  ].join(' ')
}

/** A payload that fits in a file or folder name (no `/`, under 255 bytes). */
export function namePayload(label: string): string {
  return [label, `zz"><img src=x onerror="__hit('${label}:attr')">`, vueExpression(`__hit('${label}:vue')`), '<!--@include: secret.txt-->'].join(' ')
}

/** The frontmatter keys of FORMAT.md §2 a record's page shows (the rest are kept, never shown). */
export const SHOWN_KEYS = ['release', 'owner', 'coordinator', 'business_owner', 'rollback_strategy', 'component'] as const

export interface HostileProject {
  root: string
  /** The file the build machine would write to if any payload ran there. */
  marker: string
  siteTitle: string
  /** Label → payload, for every value planted. */
  values: Map<string, string>
  /** The record whose displayed keys are all payloads and that still counts in the figures and open items (a copy of 2.4.1). */
  shown: { file: string; release: string; component: string }
  /** The record whose parsed keys (version, status, dates, …) are payloads, in a folder and file named with payloads. */
  parsed: { file: string; folder: string; name: string }
  /** A record with no frontmatter: its title and description come from its file name. */
  bare: { file: string; name: string }
}

const yaml = (value: string): string => JSON.stringify(value)

/**
 * Copies the site fixture (without its hostile records) and plants the payloads: 2.4.1 gets a
 * payload in every key its page shows and in every key a page never shows, so it still counts in
 * the figures and open items; a new record carries payloads in every key the metrics read, under
 * a folder and a file named with payloads; another, with no frontmatter, is named with one.
 */
export function writeHostileProject(): HostileProject {
  const { root, marker } = copyFixtureProject({ hostile: false })
  const values = new Map<string, string>()
  const plant = (label: string): string => {
    const value = payload(label, marker)
    values.set(label, value)
    return value
  }
  const plantName = (label: string): string => {
    const value = namePayload(label)
    values.set(label, value)
    return value
  }

  const siteTitle = plant('sitetitle')
  writeFileSync(
    join(root, 'shiplog.config.json'),
    JSON.stringify({ site: { title: siteTitle, repoUrl: 'https://github.com/acme/releases', branch: 'main' } }, null, 2),
  )

  // 2.4.1: display keys, keys never shown, an unknown key, a change's text fields and its URL, tags.
  const shownFile = 'releases/payments-api/2.4.1.md'
  const source = readFileSync(join(root, shownFile), 'utf8')
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? []
  const kept = frontmatter
    .split('\n')
    .filter((line) => /^(template|version|release_type|environment|status|scheduled):/.test(line))
  const release = plant('release')
  const component = plant('component')
  const lines = [
    ...kept,
    `release: ${yaml(release)}`,
    `component: ${yaml(component)}`,
    ...['owner', 'coordinator', 'business_owner', 'rollback_strategy', 'type', 'phase', 'created', 'updated', 'x_unknown'].map((key) => `${key}: ${yaml(plant(key))}`),
    `tags: [${yaml(plant('tags'))}, ${yaml(plant('tagtwo'))}]`,
    'changes:',
    `  - id: ${yaml(plant('changeid'))}`,
    `    title: ${yaml(plant('changetitle'))}`,
    '    committed_at: "2026-03-10T12:40:00Z"',
    `    author: ${yaml(plant('changeauthor'))}`,
    `    url: ${yaml(`javascript:__hit('changeurl:url')`)}`,
  ]
  writeFileSync(join(root, shownFile), `---\n${lines.join('\n')}\n---\n${body}`)

  // A record whose parsed keys are payloads, in a folder and a file named with payloads.
  const folder = plantName('folder')
  const name = plantName('filename')
  mkdirSync(join(root, 'releases', folder), { recursive: true })
  const parsedFile = `releases/${folder}/${name}.md`
  const parsedKeys = ['version', 'release_type', 'environment', 'status', 'scheduled', 'deployed_at', 'restored_at', 'incident']
  writeFileSync(
    join(root, parsedFile),
    [
      '---',
      'template: deployment',
      'release: "Parsed keys"',
      'component: "parsed-keys"',
      'owner: "qa"',
      ...parsedKeys.map((key) => `${key}: ${yaml(plant(key))}`),
      'changes:',
      `  - id: "P-1"`,
      `    title: "Dates"`,
      `    committed_at: ${yaml(plant('committedat'))}`,
      '---',
      '',
      '# Parsed keys',
      '',
      '## Pre-Deployment Planning',
      '',
      '- [ ] Something',
      '',
    ].join('\n'),
  )

  // No frontmatter at all: the file name is the title, the path the description.
  const bareName = plantName('barename')
  const bareFile = `releases/${bareName}.md`
  writeFileSync(join(root, bareFile), '# Only a body\n\n- [ ] An item\n')

  return { root, marker, siteTitle, values, shown: { file: shownFile, release, component }, parsed: { file: parsedFile, folder, name }, bare: { file: bareFile, name: bareName } }
}
