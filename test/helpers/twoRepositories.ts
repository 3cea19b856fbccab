import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A small deployment record: frontmatter only, with one change (`c1`) committed at `committed`. */
export function deploymentRecord(options: { release: string; version: string; status: string; deployed: string; committed: string; component?: string }): string {
  return [
    '---',
    'template: deployment',
    `release: ${JSON.stringify(options.release)}`,
    `version: ${JSON.stringify(options.version)}`,
    `component: ${JSON.stringify(options.component ?? 'api')}`,
    'environment: production',
    `status: ${options.status}`,
    `deployed_at: ${JSON.stringify(options.deployed)}`,
    'changes:',
    '  - id: "c1"',
    '    title: "change"',
    `    committed_at: ${JSON.stringify(options.committed)}`,
    '---',
    '',
    `# ${options.release}`,
    '',
  ].join('\n')
}

/**
 * Two repositories side by side in a fresh temporary folder, `payments/` and `search/`, and a third,
 * `platform/`, whose configuration lists them as `workspaces` (and has no records of its own):
 *
 * - payments/releases/1.0.0.md: api 1.0.0, deployed 2026-03-02T10:00Z, change c1 committed 08:00 (2 h);
 * - payments/releases/1.1.0.md: api 1.1.0, rolled back, deployed 2026-03-04T10:00Z, c1 committed 03-03T10:00Z;
 * - search/releases/1.0.0.md: api 1.0.0 (the same path, component and version as in payments),
 *   deployed 2026-03-15T12:00Z, change c1 (another repository's c1) committed 08:00 (4 h).
 *
 * Worked out by hand: the window is 2026-03-02 → 2026-03-16, 14 days (2 weeks). Combined: 3
 * deployments, 1 failed; 3 / 2 = 1.5 per week; change failure rate and rollback rate 1/3; lead
 * time over payments' c1 (2 h) and search's c1 (4 h): median 3 h (the rolled-back deployment's
 * change counts when deployed again, so it is left out). payments: 2 deployments, 1 failed, 1
 * per week, rate 0.5, lead time 2 h. search: 1 deployment, 0.5 per week, rate 0, lead time 4 h.
 */
export function twoRepositories(): { dir: string; payments: string; search: string; platform: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-roots-'))
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  write('payments/releases/1.0.0.md', deploymentRecord({ release: 'Payments 1.0', version: '1.0.0', status: 'deployed', deployed: '2026-03-02T10:00:00Z', committed: '2026-03-02T08:00:00Z' }))
  write('payments/releases/1.1.0.md', deploymentRecord({ release: 'Payments 1.1', version: '1.1.0', status: 'rolled-back', deployed: '2026-03-04T10:00:00Z', committed: '2026-03-03T10:00:00Z' }))
  write('search/releases/1.0.0.md', deploymentRecord({ release: 'Search 1.0', version: '1.0.0', status: 'deployed', deployed: '2026-03-15T12:00:00Z', committed: '2026-03-15T08:00:00Z' }))
  write('platform/shiplog.config.json', `${JSON.stringify({ workspaces: ['../payments', '../search'], site: { title: 'Platform releases' } })}\n`)
  return { dir, payments: join(dir, 'payments'), search: join(dir, 'search'), platform: join(dir, 'platform') }
}
