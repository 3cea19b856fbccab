import type { Nodes } from 'mdast'
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableToMarkdown } from 'mdast-util-gfm-table'
import { toMarkdown } from 'mdast-util-to-markdown'

/**
 * Markdown of an mdast tree as release notes and changelogs write it: `-` bullets (what Keep a
 * Changelog files use), GFM strikethrough and tables. Text is escaped by mdast-util-to-markdown
 * wherever it could start markup (`<`, `*`, `[`, …), so record text stays text. No trailing newline.
 */
export function notesMarkdown(tree: Nodes): string {
  return toMarkdown(tree, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    fences: true,
    listItemIndent: 'one',
    extensions: [gfmStrikethroughToMarkdown(), gfmTableToMarkdown()],
  }).replace(/\n+$/, '')
}
