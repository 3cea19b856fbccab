import { createReadStream, realpathSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

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
  server: Server
  close(): Promise<void>
}

const TYPES: { [ext: string]: string } = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
}

/**
 * Serves a built site folder over HTTP, the way a static host would: `/x` and `/x.html` serve
 * `x.html`, `/dir/` serves `dir/index.html`, anything else is the site's 404 page. Read-only, no
 * directory listings, nothing outside the folder.
 */
export async function previewSite(outDir: string, options: PreviewOptions = {}): Promise<PreviewServer> {
  const base = options.base ?? '/'
  const host = options.host ?? '127.0.0.1'
  const root = normalize(outDir)
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
    const status = file === null ? 404 : 200
    const path = file ?? (isServable(notFound) ? notFound : null)
    if (path === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n')
      return
    }
    res.writeHead(status, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    // A file removed or unreadable after the check above (a build replacing the folder) ends this
    // response, not the server.
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res)
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
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
