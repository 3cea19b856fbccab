import { ShiplogError } from '../errors.ts'

/** Where a DevLake webhook connection takes posts. */
export interface DevlakeEndpoint {
  /** The connection's URL, without a trailing `/deployments` or `/issues`: `…/plugins/webhook/connections/1`. */
  base: string
  /** A warning to show before posting (plain http to another machine), or null. */
  warning: string | null
}

const EXAMPLE = 'e.g. https://devlake.example.com/api/rest/plugins/webhook/connections/1'

/**
 * Reads `--devlake <webhook-url>`: the webhook connection's URL as DevLake shows it (the
 * `…/deployments` or `…/issues` URL is taken too). Only http and https; no credentials, query or
 * fragment in it, since the URL is printed (the API key comes from SHIPLOG_DEVLAKE_TOKEN).
 * A refusal is a usage error (exit 2) that never repeats the URL, which may hold a secret.
 */
export function devlakeEndpoint(text: string): DevlakeEndpoint {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new ShiplogError(`Unexpected --devlake value: not a URL; expected the http(s) URL of a DevLake webhook connection, ${EXAMPLE}`, 2)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ShiplogError(`Unexpected --devlake scheme \`${url.protocol.replace(/[^a-z0-9+.:-]/gi, '')}\`: expected http or https, ${EXAMPLE}`, 2)
  }
  if (url.username !== '' || url.password !== '') {
    throw new ShiplogError('Unexpected credentials in the --devlake URL: it is printed in messages; put the API key in SHIPLOG_DEVLAKE_TOKEN instead', 2)
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ShiplogError(`Unexpected query or fragment in the --devlake URL: expected the webhook connection's URL alone, ${EXAMPLE}`, 2)
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(deployments|issues)$/, '')
  const base = `${url.origin}${path}`
  const warning =
    url.protocol === 'http:' && !isLoopback(url.hostname)
      ? `warning: ${base} is plain http to another machine: the API key and the records travel unencrypted; use https`
      : null
  return { base, warning }
}

/** localhost, 127.0.0.0/8 or ::1 (URL writes IPv6 hosts in brackets). */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]'
}
