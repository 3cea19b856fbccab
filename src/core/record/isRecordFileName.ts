const IGNORED_NAMES = new Set(['readme.md', 'index.md'])

/** True for a file FORMAT.md §1 counts as a record: `.md`, not `_`/`.`-prefixed, not README/index. */
export function isRecordFileName(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('_') && !name.startsWith('.') && !IGNORED_NAMES.has(name.toLowerCase())
}
