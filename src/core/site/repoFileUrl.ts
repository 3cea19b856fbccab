import { posix } from 'node:path'

/**
 * The address of a file in the repository's web view: `kind` `blob` for a page, `raw` for the
 * bytes (images). `target` is resolved against the folder of `file` (both relative to the
 * repository root, with `/`); a `#fragment` is kept. Null when the target leaves the repository.
 */
export function repoFileUrl(repo: { url: string; branch: string }, file: string, target = '', kind: 'blob' | 'raw' = 'blob'): string | null {
  const hash = target.indexOf('#')
  const fragment = hash === -1 ? '' : target.slice(hash)
  const pathPart = (hash === -1 ? target : target.slice(0, hash)).replace(/\?.*$/, '')
  let path: string
  try {
    path = decodeURIComponent(pathPart)
  } catch {
    path = pathPart
  }
  const resolved = path === '' ? file : path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(file), path)
  const normalized = posix.normalize(resolved)
  if (normalized === '..' || normalized.startsWith('../') || normalized.startsWith('/')) return null
  const encoded = normalized.split('/').filter((part) => part !== '' && part !== '.').map(encodeURIComponent).join('/')
  const base = repo.url.replace(/\/+$/, '')
  return `${base}/${kind}/${repo.branch.split('/').map(encodeURIComponent).join('/')}/${encoded}${fragment ? `#${encodeURIComponent(fragment.slice(1))}` : ''}`
}
