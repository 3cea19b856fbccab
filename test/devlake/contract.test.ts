import { afterEach, describe, expect, it } from 'vitest'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'
import { killChildren, spawnCli } from '../helpers/spawnCli.ts'
import { deploymentErrors, issueErrors } from './devlakeWebhookSchema.ts'
import { fakeDevlake, type Answer, type Received } from './fakeDevlake.ts'

const TOKEN = 'dl-key-9f8e7d6c5b4a39281706'
const CONNECTION = '/api/rest/plugins/webhook/connections/7'
const REPO_URL = 'https://git.example.com/shop/releases'

// The repository's own production deployments, worked out from releases/: 22 records less
// 1.8.2 (cancelled), 1.9.0 (approved), 2.5.0-rc.1 (staging), 2.6.0 (planned), 6.1.0, 4.3.0 and
// 8.4.0 (in-progress) and data-platform 3.1.0 (planned).
const DEPLOYMENTS = [
  'shiplog:core-banking:4.2.0', 'shiplog:data-platform:3.0.0', 'shiplog:mobile-app:8.3.0',
  'shiplog:notifications:1.8.0', 'shiplog:notifications:1.8.1',
  'shiplog:payments-api:2.3.0', 'shiplog:payments-api:2.4.0', 'shiplog:payments-api:2.4.1', 'shiplog:payments-api:2.5.0',
  'shiplog:web-storefront:5.12.0', 'shiplog:web-storefront:5.12.1', 'shiplog:web-storefront:5.13.0',
  'shiplog:web-storefront:5.13.1', 'shiplog:web-storefront:6.0.0',
]
// Failed: 2.4.0 (rolled-back), 5.13.0 (failed), 6.0.0 (incident: true).
const INCIDENTS = ['shiplog:payments-api:2.4.0:incident', 'shiplog:web-storefront:5.13.0:incident', 'shiplog:web-storefront:6.0.0:incident']
// 2.4.0's changes: 91d3e4a 08-04, 2c7a5f0 08-05, d84b1c3 08-06, 67ef02b 08-07, a5c9e12 08-10 → the last.
const HEAD_OF_2_4_0 = { commitSha: 'a5c9e12', commitMsg: 'chore: bump Spring Boot 3.3.2 to 3.3.3' }

/** DevLake's answer to a payload it refuses: 400 with its error body (api_output.go). */
function validating(request: Received): Answer {
  const errors =
    request.path === `${CONNECTION}/deployments`
      ? deploymentErrors(request.body)
      : request.path === `${CONNECTION}/issues`
        ? issueErrors(request.body, { incident: true })
        : [`no route ${request.path}`]
  return errors.length === 0 ? null : { status: 400, body: { success: false, message: `input json error: ${errors.join('; ')}` } }
}

function export_(url: string, extra: string[] = [], env: NodeJS.ProcessEnv = { SHIPLOG_DEVLAKE_TOKEN: TOKEN }) {
  return spawnCli(['--root', REPO_ROOT, 'export', '--devlake', url, '--repo-url', REPO_URL, '--no-cache', ...extra], { env, timeoutMs: 60_000 })
}

describe('shiplog export --devlake (contract with a local DevLake webhook)', () => {
  afterEach(() => {
    killChildren()
  })

  it('should post every deployment and incident in the documented shape, with the bearer token, and the same ids twice', async () => {
    const devlake = await fakeDevlake(validating)
    try {
      const runs = []
      for (let run = 0; run < 2; run++) {
        const before = devlake.received.length
        const result = await export_(devlake.url)
        expect(result.stderr).not.toContain('did not take')
        expect(result.code).toBe(0)
        expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN)
        expect(result.stderr).toContain('posted 14 deployments and 3 incidents')
        runs.push(devlake.received.slice(before))
      }
      for (const received of runs) {
        // each payload valid: the fake answered 200 to all
        expect(received.map(validating)).toEqual(received.map(() => null))
        expect(received.every((request) => request.method === 'POST' && request.authorization === `Bearer ${TOKEN}`)).toBe(true)
        expect(received.every((request) => request.contentType === 'application/json')).toBe(true)
        const deployments = received.filter((request) => request.path.endsWith('/deployments')).map((request) => request.body as { id: string; finishedDate: string; deploymentCommits: unknown[] })
        const incidents = received.filter((request) => request.path.endsWith('/issues')).map((request) => request.body as { issueKey: string; createdDate: string })
        expect(deployments.map((body) => body.id).sort()).toEqual(DEPLOYMENTS)
        expect(incidents.map((body) => body.issueKey).sort()).toEqual(INCIDENTS)
        // one commit per deployment (DevLake's model: the commit each put live in the repository)
        expect(deployments.map((body) => body.deploymentCommits.length)).toEqual(DEPLOYMENTS.map(() => 1))
        expect(deployments.find((body) => body.id === 'shiplog:payments-api:2.4.0')?.deploymentCommits).toEqual([
          // timeline of 2.4.0: first Start 21:00 +02:00; Application deployment End 21:58 +02:00
          { repoUrl: REPO_URL, ...HEAD_OF_2_4_0, startedDate: '2026-08-12T19:00:00+00:00', finishedDate: '2026-08-12T19:58:00+00:00' },
        ])
        // one second after that deploy time; restored_at 23:08 +02:00
        expect(incidents.find((body) => body.issueKey === 'shiplog:payments-api:2.4.0:incident')).toMatchObject({
          createdDate: '2026-08-12T19:58:01+00:00',
          resolutionDate: '2026-08-12T21:08:00+00:00',
          status: 'DONE',
        })
        // DevLake ties an incident to the last successful deployment that finished strictly before
        // it was created (dora/tasks/incident_deploy_connector.go): its own.
        for (const incident of incidents) {
          const own = deployments.find((body) => `${body.id}:incident` === incident.issueKey)
          expect(Date.parse(own?.finishedDate ?? '')).toBeLessThan(Date.parse(incident.createdDate))
        }
      }
      // Posting again sends the same bodies: DevLake upserts them (ids, issue keys) rather than adding rows.
      expect(runs[1]?.map((request) => [request.path, request.body])).toEqual(runs[0]?.map((request) => [request.path, request.body]))
    } finally {
      await devlake.close()
    }
  }, cliTimeout(2))

  it('should name the release and show DevLake\'s message (never the token) on a 4xx, still send the rest, and exit 1', async () => {
    const devlake = await fakeDevlake((request) =>
      (request.body as { id?: string }).id === 'shiplog:payments-api:2.4.0'
        ? { status: 400, body: { success: false, message: `input json error: duplicate key for ${TOKEN}\n\u001b[31mred` } }
        : null,
    )
    try {
      const result = await export_(devlake.url)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(
        'releases/payments-api/2.4.0.md: DevLake did not take the deployment of payments-api 2.4.0: HTTP 400 Bad Request: input json error: duplicate key for *** [31mred',
      )
      expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN)
      expect(result.stderr).not.toContain('\u001b')
      // the refused one, the other 13 deployments and the 3 incidents were still sent
      expect(devlake.received).toHaveLength(17)
      expect(result.stderr).toContain('; 1 refused')
    } finally {
      await devlake.close()
    }
  }, cliTimeout(1))

  it('should retry a 5xx and then go on', async () => {
    const devlake = await fakeDevlake((_request, index) => (index === 0 ? { status: 503, body: { success: false, message: 'database is starting' } } : null))
    try {
      const result = await export_(devlake.url)
      expect(result.code).toBe(0)
      // 17 payloads, the first one twice
      expect(devlake.received).toHaveLength(18)
      expect(devlake.received[1]?.body).toEqual(devlake.received[0]?.body)
    } finally {
      await devlake.close()
    }
  }, cliTimeout(1))

  it('should print the payloads as JSON lines with --dry-run and send nothing', async () => {
    const devlake = await fakeDevlake(validating)
    try {
      const result = await export_(devlake.url, ['--dry-run'])
      expect(result.code).toBe(0)
      expect(devlake.received).toEqual([])
      const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { endpoint: string; body: unknown })
      expect(lines).toHaveLength(17)
      for (const line of lines) {
        expect(line.endpoint === 'deployments' ? deploymentErrors(line.body) : issueErrors(line.body, { incident: true })).toEqual([])
      }
      expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN)
      expect(result.stderr).toContain('dry run: would post 14 deployments and 3 incidents')
    } finally {
      await devlake.close()
    }
  }, cliTimeout(1))

  it('should stop with exit 1 and say so when DevLake cannot be reached', async () => {
    const devlake = await fakeDevlake()
    const url = devlake.url
    await devlake.close()
    const result = await spawnCli(['--root', REPO_ROOT, 'export', '--devlake', url, '--no-cache'], { env: { SHIPLOG_DEVLAKE_TOKEN: TOKEN }, timeoutMs: 60_000 })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('DevLake did not take the deployment of core-banking 4.2.0: cannot reach DevLake: ECONNREFUSED')
    expect(result.stderr).toContain('stopped: 0 of 17 payloads were posted')
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN)
  }, cliTimeout(1))
})

describe('shiplog export --devlake URL rules', () => {
  it('should refuse a URL that is not http(s), or holds credentials, with exit 2 and without repeating it', () => {
    const ftp = runCli(['--root', REPO_ROOT, 'export', '--devlake', 'ftp://devlake.example.com/hook', '--dry-run'])
    expect(ftp.code).toBe(2)
    expect(ftp.stderr).toContain('Unexpected --devlake scheme `ftp:`: expected http or https')
    const withSecret = runCli(['--root', REPO_ROOT, 'export', '--devlake', 'https://admin:s3cret-pass@devlake.example.com/api/rest/plugins/webhook/connections/1', '--dry-run'])
    expect(withSecret.code).toBe(2)
    expect(withSecret.stderr).toContain('Unexpected credentials in the --devlake URL')
    expect(withSecret.stderr).not.toContain('s3cret-pass')
    const none = runCli(['--root', REPO_ROOT, 'export', '--dry-run'])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Unexpected --dry-run without a DevLake webhook: expected --devlake <webhook-url>')
    const mixed = runCli(['--root', REPO_ROOT, 'export', '--devlake', 'https://devlake.example.com/api/rest/plugins/webhook/connections/1', '--out', 'x.ndjson'])
    expect(mixed.code).toBe(2)
    expect(mixed.stderr).toContain('Unexpected --out with --devlake: expected --devlake alone')
  }, cliTimeout(4))

  it('should warn about plain http to another machine', () => {
    const result = runCli(['--root', REPO_ROOT, 'export', '--devlake', 'http://devlake.example.com/api/rest/plugins/webhook/connections/1/deployments', '--dry-run', '--no-cache'])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('warning: http://devlake.example.com/api/rest/plugins/webhook/connections/1 is plain http to another machine')
  }, cliTimeout(1))
})
