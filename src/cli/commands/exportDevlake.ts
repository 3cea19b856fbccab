import { oneLine } from '../../core/check/format/sanitize.ts'
import { repositoryOf } from '../../core/config/repositoryOf.ts'
import { devlakeEndpoint } from '../../core/devlake/devlakeEndpoint.ts'
import { devlakePayloads } from '../../core/devlake/devlakePayloads.ts'
import type { DevlakePayload } from '../../core/devlake/types.ts'
import { postToDevlake } from '../../node/devlake/postToDevlake.ts'
import { loadProject } from '../../node/fs/loadProject.ts'
import { loadRecords } from '../../node/fs/loadRecords.ts'
import { withSkipped } from '../../node/fs/skippedRecords.ts'
import type { GlobalOptions } from '../globals.ts'
import { printReadErrors } from '../printReadErrors.ts'

export interface ExportDevlakeFlags {
  /** The webhook connection's URL. */
  devlake: string
  /** Print the payloads (JSON lines) instead of posting them. */
  dryRun?: boolean
  /** The repository URL sent with each commit (default: the project folder's name). */
  repoUrl?: string
  /** False with `--no-cache`. */
  cache?: boolean
}

/** The environment variable holding DevLake's API key for the webhook. */
export const DEVLAKE_TOKEN_VARIABLE = 'SHIPLOG_DEVLAKE_TOKEN'

/**
 * `shiplog export --devlake <webhook-url>`: posts the production deployments, each with the commit it put live,
 * and an incident per failed deployment to an Apache DevLake webhook (`--dry-run` prints them).
 * Exit 0 when everything was taken, 1 when a payload was refused, DevLake failed or a record could
 * not be read, 2 for a bad URL or flag.
 */
export async function exportDevlake(flags: ExportDevlakeFlags, globals: GlobalOptions): Promise<number> {
  const endpoint = devlakeEndpoint(flags.devlake)
  const token = process.env[DEVLAKE_TOKEN_VARIABLE] || null
  const project = await loadProject(globals.root)
  const records = withSkipped(await loadRecords(project, [], { cache: flags.cache !== false }), project.config.template)
  const repository = flags.repoUrl !== undefined && flags.repoUrl.trim() !== '' ? flags.repoUrl.trim() : repositoryOf(project.config, project.root)
  const exported = devlakePayloads(records, { repository })
  const unreadable = printReadErrors(records)
  for (const skip of exported.skipped) {
    process.stderr.write(`${oneLine(skip.file)}:${skip.line}: not sent to DevLake: ${oneLine(skip.reason)}\n`)
  }
  if (endpoint.warning) process.stderr.write(`${endpoint.warning}\n`)
  const counts = countsOf(exported.payloads)
  if (flags.dryRun) {
    for (const payload of exported.payloads) {
      process.stdout.write(`${JSON.stringify({ endpoint: payload.endpoint, body: payload.body })}\n`)
    }
    process.stderr.write(`dry run: would post ${counts} to ${endpoint.base} (${DEVLAKE_TOKEN_VARIABLE} ${token === null ? 'is not set' : 'is set'}); nothing was sent\n`)
    return unreadable ? 1 : 0
  }
  if (token === null) {
    process.stderr.write(`warning: ${DEVLAKE_TOKEN_VARIABLE} is not set: posting without an API key (DevLake answers 401 when it requires one)\n`)
  }
  const result = await postToDevlake(exported.payloads, endpoint, { token })
  for (const failure of result.failures) {
    const what = failure.payload.endpoint === 'deployments' ? 'the deployment' : 'the incident'
    process.stderr.write(`${oneLine(failure.payload.file)}: DevLake did not take ${what} of ${oneLine(failure.payload.release)}: ${failure.reason}\n`)
  }
  if (result.stopped) {
    process.stderr.write(`stopped: ${result.posted} of ${exported.payloads.length} payloads were posted before DevLake failed; run again to send the rest (posting again updates, never duplicates)\n`)
  } else {
    process.stderr.write(`posted ${counts} to ${endpoint.base}${result.failures.length > 0 ? `; ${result.failures.length} refused` : ''}\n`)
  }
  return unreadable || result.failures.length > 0 ? 1 : 0
}

function countsOf(payloads: readonly DevlakePayload[]): string {
  const deployments = payloads.filter((payload) => payload.endpoint === 'deployments').length
  return `${plural(deployments, 'deployment')} and ${plural(payloads.length - deployments, 'incident')}`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
