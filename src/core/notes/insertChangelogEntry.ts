import semverLt from 'semver/functions/lt.js'
import semverValid from 'semver/functions/valid.js'

/** The header of a new Keep a Changelog 1.1.0 file, with its Unreleased section. */
export const CHANGELOG_HEADER = `# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]
`

/** A `## ` release section: its heading's version (`Unreleased` included) and its text. */
interface Chunk {
  version: string | null
  text: string
}

const LINK_DEFINITION = /^\[[^\]]+\]:\s*\S/

/**
 * A Keep a Changelog file with the release `version`'s entry put in: replacing the section of
 * that version where there is one (in place), else before the first release with a lower version
 * (semver; `v` prefixes ignored), else after the last release; `## [Unreleased]` stays first and
 * link definitions at the end stay at the end. `existing` null makes a new file (`CHANGELOG_HEADER`).
 * Sections are separated by one blank line and the file ends with one line break, so putting in
 * the same entry again gives the same text, byte for byte.
 */
export function insertChangelogEntry(existing: string | null, version: string, entry: string): string {
  const text = existing === null ? CHANGELOG_HEADER : existing.replace(/\r\n?/g, '\n')
  const lines = text.split('\n')
  const firstSection = lines.findIndex((line) => line.startsWith('## '))
  const headerLines = firstSection === -1 ? lines : lines.slice(0, firstSection)
  const chunks: Chunk[] = []
  if (firstSection !== -1) {
    let current: string[] = []
    for (const line of lines.slice(firstSection)) {
      if (line.startsWith('## ') && current.length > 0) {
        chunks.push(chunkOf(current))
        current = []
      }
      current.push(line)
    }
    chunks.push(chunkOf(current))
  }
  // Link definitions at the very end belong to the file, not to its last section.
  let footer: string[] = []
  const last = chunks[chunks.length - 1]
  if (last) {
    const lastLines = last.text.replace(/\n+$/, '').split('\n')
    let cut = lastLines.length
    while (cut > 1 && (LINK_DEFINITION.test(lastLines[cut - 1] as string) || (lastLines[cut - 1] as string).trim() === '')) cut--
    footer = lastLines.slice(cut)
    while (footer[0]?.trim() === '') footer.shift()
    last.text = lastLines.slice(0, cut).join('\n')
  }

  const key = versionKey(version)
  const mine: Chunk = { version, text: entry }
  const same = chunks.findIndex((chunk) => chunk.version !== null && versionKey(chunk.version) === key)
  if (same !== -1) {
    chunks.splice(same, 1, mine)
    for (let index = chunks.length - 1; index > same; index--) {
      if (versionKey((chunks[index] as Chunk).version ?? '') === key) chunks.splice(index, 1)
    }
  } else {
    chunks.splice(insertionIndex(chunks, key), 0, mine)
  }

  const header = headerLines.join('\n').replace(/\n+$/, '')
  const parts = [header, ...chunks.map((chunk) => chunk.text.replace(/\n+$/, '')), footer.join('\n')].filter((part) => part !== '')
  return `${parts.join('\n\n')}\n`
}

function chunkOf(lines: string[]): Chunk {
  const heading = lines[0] ?? ''
  const match = /^##\s+\[?([^\]\s]+)\]?/.exec(heading)
  return { version: match ? (match[1] as string) : null, text: lines.join('\n') }
}

/** A version as compared: trimmed, lower-cased, without a leading `v`. */
function versionKey(version: string): string {
  return version.trim().toLowerCase().replace(/^v(?=\d)/, '')
}

/** Before the first release whose version is lower; after the last release otherwise (Unreleased stays first). */
function insertionIndex(chunks: Chunk[], key: string): number {
  const mine = semverValid(key)
  let afterLast = 0
  for (const [index, chunk] of chunks.entries()) {
    if (chunk.version === null) continue
    const theirs = versionKey(chunk.version)
    if (theirs === 'unreleased') {
      afterLast = index + 1
      continue
    }
    const valid = semverValid(theirs)
    if (mine !== null && valid !== null && semverLt(valid, mine)) return index
    afterLast = index + 1
  }
  return afterLast
}
