/**
 * The candidate closest to `word` (edit distance on lower-cased text, a swap of two neighbouring
 * letters counting as one edit), for "did you mean" hints; null when none is close enough: at most
 * a third of the longer word's length, at least 1.
 */
export function closestName(word: string, candidates: readonly string[]): string | null {
  const wanted = word.trim().toLowerCase()
  let best: string | null = null
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase())
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3))
    if (distance <= limit && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (before[j - 2] ?? 0) + 1)
      current[j] = distance
    }
    before = previous
    previous = current
  }
  return previous[b.length] ?? 0
}
