import { oneLine } from '../../core/check/format/sanitize.ts'
import type { DevlakeEndpoint } from '../../core/devlake/devlakeEndpoint.ts'
import type { DevlakePayload } from '../../core/devlake/types.ts'

export interface PostToDevlakeOptions {
  /** The API key DevLake generated for the webhook (sent as `Authorization: Bearer …`), or null to send none. */
  token: string | null
  /** Per request (default 30 s). */
  timeoutMs?: number
  /** Tries per payload when DevLake answers 5xx or cannot be reached (default 4: three retries). */
  attempts?: number
  /** The first wait before a retry, doubled each time (default 1 s: 1, 2, 4 s). */
  backoffMs?: number
  /** Called after each payload DevLake took. */
  onPosted?: (payload: DevlakePayload) => void
}

/** A payload DevLake did not take. */
export interface DevlakeFailure {
  payload: DevlakePayload
  /** The HTTP status, or null when DevLake could not be reached. */
  status: number | null
  /** What went wrong, on one line, with DevLake's own message when it gave one (never the API key). */
  reason: string
}

export interface PostToDevlakeResult {
  posted: number
  /** Payloads DevLake refused (4xx), then, when posting stopped, the one it stopped at. */
  failures: DevlakeFailure[]
  /** True when DevLake kept failing (5xx, unreachable, timeout) and the rest was not sent. */
  stopped: boolean
}

const MAX_REASON = 300

/**
 * Posts the payloads in order to the webhook (`<base>/deployments`, `<base>/issues`) with Node's
 * fetch. A 4xx refusal is recorded and the next payload is sent; a 5xx, a timeout or a network
 * error is retried with a doubling wait, and when the tries run out posting stops. Redirects are
 * not followed (the API key would go with them).
 */
export async function postToDevlake(payloads: readonly DevlakePayload[], endpoint: DevlakeEndpoint, options: PostToDevlakeOptions): Promise<PostToDevlakeResult> {
  const attempts = Math.max(1, options.attempts ?? 4)
  const timeoutMs = options.timeoutMs ?? 30_000
  const backoffMs = options.backoffMs ?? 1000
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }
  if (options.token !== null) headers['authorization'] = `Bearer ${options.token}`
  const clean = (text: string): string => sanitize(text, options.token)
  const result: PostToDevlakeResult = { posted: 0, failures: [], stopped: false }
  for (const payload of payloads) {
    const url = `${endpoint.base}/${payload.endpoint}`
    let failure: DevlakeFailure | null = null
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await wait(backoffMs * 2 ** (attempt - 2))
      failure = null
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify(payload.body),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        })
        const text = await response.text()
        if (response.status >= 200 && response.status < 300) break
        const said = clean(devlakeMessage(text))
        const status = `HTTP ${response.status}${response.statusText ? ` ${clean(response.statusText)}` : ''}`
        const redirect = response.status >= 300 && response.status < 400 ? ' (a redirect, not followed: give --devlake the URL it points to)' : ''
        failure = { payload, status: response.status, reason: `${status}${said === '' ? '' : `: ${said}`}${redirect}` }
        if (response.status < 500) break
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
        failure = { payload, status: null, reason: timedOut ? `no answer within ${timeoutMs / 1000} s` : `cannot reach DevLake: ${clean(networkReason(error))}` }
      }
    }
    if (failure === null) {
      result.posted++
      options.onPosted?.(payload)
      continue
    }
    result.failures.push(failure)
    if (failure.status === null || failure.status >= 500) {
      result.stopped = true
      break
    }
  }
  return result
}

/** DevLake answers errors as `{"success":false,"message":…,"causes":[…]}` (backend/server/api/shared/api_output.go); else the text. */
function devlakeMessage(text: string): string {
  try {
    const body: unknown = JSON.parse(text)
    if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') return body.message
    if (typeof body === 'string') return body
  } catch {
    // not JSON: the text itself
  }
  return text
}

function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : null
    return code ? `${code} ${cause.message}` : cause.message
  }
  return error.message
}

/** One line, no control characters, the API key masked, at most MAX_REASON characters. */
function sanitize(text: string, token: string | null): string {
  let line = oneLine(text)
  if (token !== null && token !== '') line = line.split(token).join('***')
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line
}

function wait(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms))
}
