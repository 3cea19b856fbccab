import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseManifest } from '../src/core/template/parseManifest.ts'
import { renderTemplate } from '../src/core/template/renderTemplate.ts'

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url))
const TEMPLATE_FILE = join(REPO_ROOT, 'templates/deployment.md')

export interface Corpus {
  /** The project folder (holds `releases/`). */
  root: string
  /** Record paths relative to `root`, sorted. */
  files: string[]
  /** Total size of the records in bytes. */
  bytes: number
}

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same corpus everywhere. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COMPONENTS = ['payments-api', 'web-storefront', 'notifications', 'search', 'identity', 'ledger', 'mobile-bff', 'reporting']
const PEOPLE = ['Marta Kowalski', 'Daniel Okafor', 'Priya Natarajan', 'Lars Eriksen', 'Ravi Shankar', 'Emily Clarke', 'Oliver Grant', 'Aiko Tanaka', 'Sofia Ruiz', 'Tomás Silva']
const WORDS = ['routing', 'checkout', 'inbox', 'digest', 'ledger', 'cache', 'pool', 'webhook', 'quota', 'index', 'search', 'token', 'session', 'refund', 'export', 'import', 'retry', 'batch', 'schema', 'partition']
const VERBS = ['add', 'fix', 'refactor', 'bump', 'remove', 'speed up', 'harden', 'split', 'document', 'migrate']
/** Status mix of a team with a long history: mostly closed, some failures and work in flight. */
const STATUS_WEIGHTS: Array<[string, number]> = [
  ['closed', 45], ['verified', 14], ['deployed', 9], ['rolled-back', 8], ['failed', 4], ['in-progress', 3], ['approved', 8], ['planned', 7], ['cancelled', 2],
]
/** How likely a box is ticked, by status. */
const TICK: { [status: string]: number } = {
  planned: 0.1, approved: 0.5, 'in-progress': 0.7, deployed: 0.85, verified: 0.97, closed: 0.997, 'rolled-back': 0.8, failed: 0.6, cancelled: 0.3,
}

/**
 * Writes `count` seed-sized records (the deployment template rendered with `renderTemplate`,
 * values and ticked boxes from a seeded PRNG) under `<root>/releases/<component>/<version>.md`.
 */
export function writeCorpus(root: string, count: number, seed = 1): Corpus {
  const template = readFileSync(TEMPLATE_FILE, 'utf8')
  const variables = Object.keys(parseManifest(template, 'deployment').manifest?.variables ?? {})
  const random = createRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const weighted = (list: Array<[string, number]>): string => {
    let roll = random() * list.reduce((sum, [, weight]) => sum + weight, 0)
    for (const [value, weight] of list) if ((roll -= weight) < 0) return value
    return list[0]![0]
  }
  const phrase = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ')
  const pad = (n: number): string => String(n).padStart(2, '0')
  const versions = new Map<string, number>()
  const files: string[] = []
  let bytes = 0
  // Releases every ~7 hours from 2021 on, across the components.
  let time = Date.UTC(2021, 0, 4, 9, 0)
  for (let index = 0; index < count; index++) {
    const component = pick(COMPONENTS)
    const n = (versions.get(component) ?? 0) + 1
    versions.set(component, n)
    const version = `${1 + Math.floor(n / 400)}.${Math.floor(n / 20) % 20}.${n % 20}`
    const status = weighted(STATUS_WEIGHTS)
    time += Math.floor((3 + random() * 8) * 3600_000)
    const date = new Date(time)
    const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
    const hour = date.getUTCHours()
    const scheduled = `${day}T${pad(hour)}:00:00+00:00`
    const hm = (minutes: number): string => `${pad((hour + Math.floor(minutes / 60)) % 24)}:${pad(minutes % 60)}`
    const changes = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, k) => ({
      id: createHash('sha1').update(`${seed}:${index}:${k}`).digest('hex').slice(0, 7),
      title: `${pick(['feat', 'fix', 'chore', 'refactor'])}(${pick(WORDS)}): ${pick(VERBS)} ${phrase(3)}`,
      committed_at: new Date(time - Math.floor((2 + random() * 200) * 3600_000)).toISOString().replace('.000Z', '+00:00'),
    }))
    const failed = status === 'rolled-back' || status === 'failed'
    const values: { [name: string]: unknown } = {
      release_name: `${phrase(2)} ${pick(VERBS)}`,
      release_version: version,
      component,
      release_type: pick(['major', 'minor', 'minor', 'patch', 'patch', 'hotfix']),
      target_environment: random() < 0.85 ? 'production' : 'staging',
      scheduled_date: scheduled,
      owner: pick(PEOPLE),
      release_coordinator: pick(PEOPLE),
      business_owner: pick(PEOPLE),
      rollback_strategy: pick(['blue-green', 'canary', 'rolling', 'immediate']),
      date: day,
      changes,
      users_affected: `${Math.floor(random() * 100)}% of ${pick(WORDS)} users`,
      downtime_expected: 'none',
      performance_impact: pick(['none', 'low', 'medium']),
      data_migration_required: pick(['none', 'additive', 'backfill']),
      risk_1: `${phrase(3)} regression`, risk_2: `${phrase(2)} timeout`, risk_3: `${phrase(2)} drift`,
      probability: pick(['Low', 'Medium', 'High']), impact: pick(['Low', 'Medium', 'High']), mitigation: `${pick(VERBS)} ${phrase(2)}`,
      error_threshold: '1', response_threshold: '600',
      rollback_step_1: 'Switch traffic back', rollback_step_2: 'Verify health', rollback_step_3: 'Notify stakeholders', rollback_step_4: 'Open incident',
      pre_start: hm(0), pre_end: hm(12), pre_duration: '12m', pre_status: 'Done', pre_notes: `CI run #${1000 + index} green`,
      db_start: hm(12), db_end: hm(20), db_duration: '8m', db_status: 'Done', db_notes: `${phrase(2)} migration`,
      app_start: hm(20), app_end: hm(41), app_duration: '21m', app_status: failed ? 'Rolled back' : 'Done', app_notes: `${phrase(3)}`,
      post_start: hm(41), post_end: hm(58), post_duration: '17m', post_status: failed ? 'Failed' : 'Done', post_notes: `${phrase(2)} checked`,
      auth_commands: 'deployctl login --sso', backup_command: 'pg_dump -Fc payments > pre.dump', migration_command: 'flyway migrate',
      validation_command: 'flyway validate', deploy_command: `deployctl rollout ${component} ${version}`, health_check_command: 'curl -fsS /health',
      smoke_test_command: 'npm run smoke',
      po_signoff: `${pick(PEOPLE)} (${day})`,
      qa_signoff: pick(PEOPLE),
      security_signoff: pick(PEOPLE),
      infra_signoff: pick(PEOPLE),
      issue_time_1: failed ? hm(45) : '-', issue_1: failed ? `${phrase(3)} errors` : 'None', severity_1: failed ? pick(['Sev1', 'Sev2', 'High']) : '-',
      impact_1: failed ? `${Math.floor(random() * 10)}% of requests failed` : '-', resolution_1: failed ? 'Rolled back' : '-', duration_1: failed ? `${10 + Math.floor(random() * 80)}m` : '-',
      issue_time_2: '-', issue_2: '-', severity_2: '-', impact_2: '-', resolution_2: '-', duration_2: '-',
    }
    // Every other variable gets a short value; a few records keep one placeholder unfilled.
    for (const name of variables) if (values[name] === undefined) values[name] = random() < 0.002 ? undefined : phrase(2)
    let text = renderTemplate(template, { file: 'templates/deployment.md', values }).text
    text = text.replace(/^status: planned$/m, `status: ${status}`)
    if (failed) text = text.replace(/^(scheduled: .*)$/m, `$1\nrestored_at: "${day}T${hm(58)}:00+00:00"`)
    const tick = TICK[status] ?? 0.5
    text = text.replace(/^(\s*[-*] )\[ \]/gm, (_match, prefix: string) => `${prefix}${random() < tick ? '[x]' : '[ ]'}`)
    const file = `releases/${component}/${version}.md`
    const path = join(root, file)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    files.push(file)
    bytes += Buffer.byteLength(text)
  }
  files.sort()
  return { root, files, bytes }
}

/**
 * A corpus of `count` records in the OS temp folder, generated once per (count, seed, generator,
 * template) and reused by later runs. Never inside the repository.
 */
export function corpus(count: number, seed = 1): Corpus {
  const generator = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(TEMPLATE_FILE))
    .digest('hex')
    .slice(0, 10)
  const root = join(tmpdir(), 'shiplog-bench', `corpus-${count}-${seed}-${generator}`)
  const manifest = join(root, 'corpus.json')
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as Corpus
  const temp = `${root}.tmp-${process.pid}`
  rmSync(temp, { recursive: true, force: true })
  const written = writeCorpus(temp, count, seed)
  writeFileSync(join(temp, 'corpus.json'), JSON.stringify({ ...written, root }))
  rmSync(root, { recursive: true, force: true })
  renameSync(temp, root)
  return { ...written, root }
}
