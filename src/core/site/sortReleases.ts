import type { ReleaseSummary } from '../../shared/pageData.ts'

/** Newest first by deploy time (else scheduled); releases without a date last, then by file. */
export function sortReleases<T extends ReleaseSummary>(releases: readonly T[]): T[] {
  return [...releases].sort((a, b) => {
    if (a.when !== b.when) {
      if (a.when === null) return 1
      if (b.when === null) return -1
      return a.when < b.when ? 1 : -1
    }
    return a.file < b.file ? -1 : a.file > b.file ? 1 : 0
  })
}
