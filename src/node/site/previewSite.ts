import { createReadStream, realpathSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Readable } from 'node:stream'
import { join, normalize, relative, resolve, sep } from 'node:path'
import sirv from 'sirv'

export interface PreviewOptions {
  /** Port to listen on; 0 picks a free one. Default 4173. */
  port?: number
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  host?: string
  /** The base path the site was built for (`site.base`). Default `/`. */
  base?: string
}

export interface PreviewServer {
  url: string
  close(): Promise<void>
}

/**
 * Serves a built site folder over HTTP, the way a static host would: `/x` and `/x.html` serve
 * `x.html`, `/dir/` serves `dir/index.html`, anything else is the site's 404 page. Read-only, no
 * directory listings, nothing outside the folder.
 *
 * shiplog decides which file answers (the rules above, and the path rule: a file whose real path
 * leaves the folder is not served); sirv, the server of Vite's own preview, sends it (content
 * types, `ETag` and `304`, ranges). The 404 page is sent here, with its status.
 */
export async function previewSite(outDir: string, options: PreviewOptions = {}): Promise<PreviewServer> {
  const base = options.base ?? '/'
  const host = options.host ?? '127.0.0.1'
  const root = resolve(outDir)
  // Where the folder really is, so that a link inside it to a file outside it is not followed.
  const realRoot = realpathSync(root)
  const notFound = join(root, '404.html')
  const inside = (file: string, folder: string): boolean => file === folder || file.startsWith(folder + sep)
  const isServable = (file: string): boolean => {
    try {
      return statSync(file).isFile() && inside(realpathSync(file), realRoot)
    } catch {
      return false
    }
  }
  // Finds nothing itself (`extensions: []`): it is handed the address of the file shiplog chose.
  const send = sirv(root, {
    dev: true,
    etag: true,
    extensions: [],
    setHeaders(res, pathname) {
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
      res.setHeader('x-content-type-options', 'nosniff')
    },
  })

  const resolveFile = (pathname: string): string | null => {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return null
    }
    if (decoded.includes('\0')) return null
    const candidates = decoded.endsWith('/') ? [`${decoded}index.html`] : [decoded, `${decoded}.html`, `${decoded}/index.html`]
    for (const candidate of candidates) {
      const file = normalize(join(root, candidate))
      if (!inside(file, root)) return null
      if (isServable(file)) return file
    }
    return null
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(302, { location: base }).end()
      return
    }
    const file = resolveFile(`/${url.pathname.slice(base.length)}`)
    const address = file === null ? null : addressOf(relative(root, file))
    if (address !== null) {
      // A file removed or unreadable after the check (a build replacing the folder) ends this
      // response, not the server.
      res.once('pipe', (source: Readable) => source.once('error', () => res.destroy()))
      req.url = address
      send(req, res, () => sendNotFound(req.method === 'HEAD'))
      return
    }
    sendNotFound(req.method === 'HEAD')

    function sendNotFound(head: boolean): void {
      if (!isServable(notFound)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n')
        return
      }
      res.writeHead(404, { 'content-type': 'text/html;charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' })
      if (head) {
        res.end()
        return
      }
      createReadStream(notFound)
        .on('error', () => res.destroy())
        .pipe(res)
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 4173, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${address.port}${base}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * The address sirv finds the file `path` (relative to the folder) at: each name percent-encoded
 * as `decodeURI` reads it back. Null for a name holding `#` or `?`, which no address sirv decodes
 * can carry (VitePress writes none).
 */
function addressOf(path: string): string | null {
  const names = path.split(sep)
  if (names.some((name) => /[#?]/.test(name))) return null
  return `/${names.map((name) => encodeURI(name)).join('/')}`
}
