import { repoFileUrl } from './repoFileUrl.ts'
import { safeUrl } from './safeUrl.ts'

/** The repository a site links to (config `site.repoUrl`, `site.branch`). */
export interface RepoRef {
  url: string
  branch: string
}

/** The web view's URL shapes: GitHub's (`/commit/<sha>`, `/edit/<branch>/<path>`), GitLab's (`/-/commit/…`, `/-/edit/…`). */
export type RepoHost = 'github' | 'gitlab' | 'other'

/** A change id that is a git commit id: 7 to 40 hexadecimal digits (an abbreviated or full SHA-1), or a 64-digit SHA-256. */
const SHA = /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/i

/** Which web view the address is: by host name (`github.com`, `gitlab.com`, `gitlab.example.org`). */
export function repoHostOf(url: string): RepoHost {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return 'other'
  }
  if (host === 'github.com' || host.startsWith('github.')) return 'github'
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return 'gitlab'
  return 'other'
}

/** The repository's address when it is an http(s) URL, without a trailing `/`; null otherwise (no links are made). */
function baseOf(repo: RepoRef | null | undefined): string | null {
  if (!repo) return null
  const url = safeUrl(repo.url)
  return url === null ? null : url.replace(/\/+$/, '')
}

/**
 * The address of a commit (`<repo>/commit/<sha>`, `<repo>/-/commit/<sha>` on GitLab), or null when
 * `id` is not a commit id or there is no repository. The id is hexadecimal: nothing to escape.
 */
export function commitUrl(repo: RepoRef | null | undefined, id: string): string | null {
  const base = baseOf(repo)
  const sha = id.trim()
  if (base === null || !SHA.test(sha)) return null
  return `${base}${repoHostOf(base) === 'gitlab' ? '/-' : ''}/commit/${sha.toLowerCase()}`
}

/** A file's page in the repository (`<repo>/blob/<branch>/<path>`), or null without a repository. */
export function sourceUrl(repo: RepoRef | null | undefined, file: string): string | null {
  const base = baseOf(repo)
  if (base === null || !repo) return null
  return repoFileUrl({ url: base, branch: repo.branch }, file, '', 'blob')
}

/**
 * Where a file is edited in the web view: GitHub's `<repo>/edit/<branch>/<path>`, GitLab's
 * `<repo>/-/edit/<branch>/<path>`; null for other hosts (their shapes differ) or without a repository.
 */
export function editUrl(repo: RepoRef | null | undefined, file: string): string | null {
  const source = sourceUrl(repo, file)
  const base = baseOf(repo)
  if (source === null || base === null) return null
  const host = repoHostOf(base)
  if (host === 'other') return null
  const rest = source.slice(base.length + '/blob/'.length)
  return `${base}${host === 'gitlab' ? '/-' : ''}/edit/${rest}`
}
