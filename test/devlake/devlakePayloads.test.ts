import { describe, expect, it } from 'vitest'
import { devlakePayloads } from '../../src/core/devlake/devlakePayloads.ts'
import { record } from '../metrics/loadRecords.ts'

const VAULT = [
  'release: "Card vault"',
  'version: "3.1.0"',
  'component: "Vault"',
  'environment: production',
  'status: rolled-back',
  'scheduled: "2026-03-10T21:00:00+01:00"',
  'restored_at: "2026-03-10T22:30:00+01:00"',
  'changes:',
  '  - id: "ABCDEF1"',
  '    title: "feat: rotate keys"',
  '    committed_at: "2026-03-09T10:00:00+01:00"',
  '  - id: "1234abc"',
  '    title: "fix: key cache"',
  '    committed_at: "2026-03-08T10:00:00+01:00"',
  '  - id: "JIRA-12"',
  '    title: "docs: runbook"',
  '  - "plain change"',
].join('\n')

const VAULT_TIMELINE = [
  '| Pre-deployment checks | 20:45 | 21:00 | | Done | |',
  '| Application deployment | 21:00 | 21:20 | | Done | |',
  '| Verification | 21:20 | 21:40 | | Done | |',
]

describe('devlakePayloads', () => {
  it('should map a rolled-back deployment to a deployment with the commit it put live and one closed incident', () => {
    const vault = record({
      file: 'releases/vault/3.1.0.md',
      frontmatter: VAULT,
      timeline: VAULT_TIMELINE,
      issues: [
        '| 21:50 | Key lookups time out | P1 | checkout slow | rollback | 40m |',
        '| 21:55 | Dashboards lag | Medium | none | none | 5m |',
      ],
    })
    const result = devlakePayloads([vault], { repository: 'https://git.example.com/pay/vault' })
    // deploy time: the Application deployment End, 21:20 +01:00 = 20:20 UTC; started: the earliest
    // Start, 20:45 +01:00 = 19:45 UTC. The deployed commit: of the shas ABCDEF1 (03-09) and 1234abc
    // (03-08), the one committed last, listed first here, lower-cased; JIRA-12 and "plain change" are no shas.
    expect(result.skipped).toEqual([])
    expect(result.payloads).toEqual([
      {
        endpoint: 'deployments',
        file: 'releases/vault/3.1.0.md',
        release: 'vault 3.1.0',
        body: {
          id: 'shiplog:vault:3.1.0',
          displayTitle: 'vault 3.1.0: Card vault',
          result: 'SUCCESS',
          environment: 'PRODUCTION',
          originalEnvironment: 'production',
          startedDate: '2026-03-10T19:45:00+00:00',
          finishedDate: '2026-03-10T20:20:00+00:00',
          deploymentCommits: [
            {
              repoUrl: 'https://git.example.com/pay/vault',
              commitSha: 'abcdef1',
              commitMsg: 'feat: rotate keys',
              startedDate: '2026-03-10T19:45:00+00:00',
              finishedDate: '2026-03-10T20:20:00+00:00',
            },
          ],
        },
      },
      {
        endpoint: 'issues',
        file: 'releases/vault/3.1.0.md',
        release: 'vault 3.1.0',
        body: {
          issueKey: 'shiplog:vault:3.1.0:incident',
          title: 'vault 3.1.0 failed: Key lookups time out',
          description: 'Failed deployment (releases/vault/3.1.0.md): status `rolled-back`; Issues Encountered row of severity `P1`',
          type: 'INCIDENT',
          // restored at 22:30 +01:00 = 21:30 UTC: done
          status: 'DONE',
          originalStatus: 'rolled-back',
          // one second after the deploy time, so DevLake ties it to this deployment
          createdDate: '2026-03-10T20:20:01+00:00',
          resolutionDate: '2026-03-10T21:30:00+00:00',
          severity: 'P1',
          component: 'vault',
        },
      },
    ])
  })

  it('should leave an unrestored incident open, with no resolution date, no severity and no Issues row in its title', () => {
    const failed = record({
      file: 'releases/web/1.0.0.md',
      frontmatter: [
        'version: "1.0.0"',
        'component: web',
        'environment: production',
        'status: deployed',
        'incident: true',
        'deployed_at: "2026-04-01T08:00:00Z"',
        'changes:',
        '  - id: "0123456789abcdef0123456789abcdef01234567"',
      ].join('\n'),
    })
    const { payloads } = devlakePayloads([failed], { repository: 'web' })
    expect(payloads.map((payload) => payload.body)).toEqual([
      {
        id: 'shiplog:web:1.0.0',
        displayTitle: 'web 1.0.0',
        result: 'SUCCESS',
        environment: 'PRODUCTION',
        originalEnvironment: 'production',
        // no timeline: it started when it went live
        startedDate: '2026-04-01T08:00:00+00:00',
        finishedDate: '2026-04-01T08:00:00+00:00',
        deploymentCommits: [
          {
            repoUrl: 'web',
            commitSha: '0123456789abcdef0123456789abcdef01234567',
            startedDate: '2026-04-01T08:00:00+00:00',
            finishedDate: '2026-04-01T08:00:00+00:00',
          },
        ],
      },
      {
        issueKey: 'shiplog:web:1.0.0:incident',
        title: 'web 1.0.0 failed',
        description: 'Failed deployment (releases/web/1.0.0.md): `incident: true`',
        type: 'INCIDENT',
        status: 'TODO',
        originalStatus: 'deployed',
        createdDate: '2026-04-01T08:00:01+00:00',
        component: 'web',
      },
    ])
  })

  it('should send no incident for a successful deployment, and leave out records that are not production deployments', () => {
    const ok = record({ file: 'releases/a.md', frontmatter: 'version: "2.0.0"\ncomponent: api\nenvironment: production\nstatus: verified\ndeployed_at: "2026-04-02T10:00:00Z"\nchanges: ["deadbee"]' })
    const staging = record({ file: 'releases/b.md', frontmatter: 'version: "2.0.1"\ncomponent: api\nenvironment: staging\nstatus: verified\ndeployed_at: "2026-04-02T11:00:00Z"\nchanges: ["deadbef"]' })
    const planned = record({ file: 'releases/c.md', frontmatter: 'version: "2.1.0"\ncomponent: api\nenvironment: production\nstatus: planned\nscheduled: "2026-05-01T10:00:00Z"\nchanges: ["deadbf0"]' })
    const { payloads, skipped } = devlakePayloads([ok, staging, planned], { repository: 'api' })
    expect(payloads.map((payload) => [payload.endpoint, payload.release])).toEqual([['deployments', 'api 2.0.0']])
    expect(payloads[0]?.body).toMatchObject({ deploymentCommits: [{ commitSha: 'deadbee' }] })
    expect(skipped).toEqual([])
  })

  it('should skip, with the line and the reason, a deployment without a component, a version or a commit sha', () => {
    const noComponent = record({ file: 'releases/x.md', frontmatter: 'version: "1.0.0"\nenvironment: production\nstatus: deployed\ndeployed_at: "2026-04-01T08:00:00Z"' })
    const noVersion = record({ file: 'releases/y.md', frontmatter: 'component: y\nenvironment: production\nstatus: deployed\ndeployed_at: "2026-04-01T08:00:00Z"' })
    const noSha = record({ file: 'releases/z.md', frontmatter: 'version: "1.0.0"\ncomponent: z\nenvironment: production\nstatus: deployed\ndeployed_at: "2026-04-01T08:00:00Z"\nchanges:\n  - id: "PR-7"' })
    const result = devlakePayloads([noComponent, noVersion, noSha], { repository: 'r' })
    expect(result.payloads).toEqual([])
    // z.md: `---` 1, template 2, version 3, component 4, environment 5, status 6, deployed_at 7, changes 8
    expect(result.skipped.map((skip) => [skip.file, skip.reason])).toEqual([
      ['releases/x.md', 'no `component`: DevLake ids are made of the component and the version'],
      ['releases/y.md', 'no `version`: DevLake ids are made of the component and the version'],
      ['releases/z.md', 'no change with a commit sha as its `id` (DevLake refuses a deployment without commits)'],
    ])
    expect(result.skipped[2]?.line).toBe(8)
  })

  it('should send as the deployed commit the sha committed last, else the first listed (newest first, as new --from-git writes)', () => {
    const changes = (lines: string[]): string =>
      `version: "1.0.0"\ncomponent: c\nenvironment: production\nstatus: deployed\ndeployed_at: "2026-04-01T08:00:00Z"\nchanges:\n${lines.join('\n')}`
    const commitOf = (frontmatter: string): unknown => {
      const body = devlakePayloads([record({ frontmatter })], { repository: 'r' }).payloads[0]?.body
      return body && 'deploymentCommits' in body ? body.deploymentCommits.map((commit) => commit.commitSha) : null
    }
    // 2026-03-02 is after 2026-03-01T23:00+00:00 and after 2026-03-02T00:30+02:00 (= 03-01 22:30 UTC)
    expect(
      commitOf(
        changes([
          '  - { id: "aaaaaaa", committed_at: "2026-03-01T23:00:00Z" }',
          '  - { id: "bbbbbbb", committed_at: "2026-03-02T01:00:00Z" }',
          '  - { id: "ccccccc", committed_at: "2026-03-02T00:30:00+02:00" }',
          '  - { id: "ddddddd" }',
        ]),
      ),
    ).toEqual(['bbbbbbb'])
    expect(commitOf(changes(['  - "PR-9"', '  - "eeeeeee"', '  - "fffffff"']))).toEqual(['eeeeeee'])
  })

  it('should give the same ids whatever the case of the component', () => {
    const lower = record({ frontmatter: 'version: "1.2.3"\ncomponent: payments-api\nenvironment: production\nstatus: deployed\ndeployed_at: "2026-04-01T08:00:00Z"\nchanges: ["abc1234"]' })
    const upper = record({ frontmatter: 'version: " 1.2.3 "\ncomponent: " Payments-API"\nenvironment: production\nstatus: deployed\ndeployed_at: "2026-04-01T08:00:00Z"\nchanges: ["abc1234"]' })
    const ids = [lower, upper].map((r) => devlakePayloads([r], { repository: 'r' }).payloads[0]?.body)
    expect(ids.map((body) => body && 'id' in body && body.id)).toEqual(['shiplog:payments-api:1.2.3', 'shiplog:payments-api:1.2.3'])
  })
})
