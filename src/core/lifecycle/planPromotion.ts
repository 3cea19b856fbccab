import { checkRecords } from '../check/checkRecords.ts'
import { frontmatterUnreadable } from '../check/frontmatterUnreadable.ts'
import type { CheckResult } from '../check/types.ts'
import { parseRecord } from '../record/parseRecord.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { closestName } from '../template/closestName.ts'
import type { TemplateManifest } from '../template/types.ts'
import { nextStatus } from './nextStatus.ts'
import { openItemsAt, type OpenItem } from './openItemsAt.ts'
import { replaceStatusValue } from './replaceStatusValue.ts'
import { LINEAR_STATUSES, STATUSES, type Status } from './statuses.ts'
import { toStatus } from './toStatus.ts'

export interface PromotionRequest {
  /** The record's text as read (a byte order mark and `\r\n` line ends are kept in the new text). */
  text: string
  /** Its path relative to the project root, with `/`. */
  file: string
  /** The status asked for, as typed; undefined: the next one along the lifecycle (`nextStatus`). */
  target?: string
  /** Allow a move backwards, or out of `closed` or an end state (`rolled-back`, `failed`, `cancelled`). */
  force?: boolean
  manifests: { readonly [name: string]: TemplateManifest }
  /** The template of a record without a `template` key. */
  defaultTemplate: string
  /** The project's other records, for the rules that compare records (`duplicate-release`). */
  others: readonly ReleaseRecord[]
  /** The clock and date the gate's date rules use (`implausible-date`, `overdue-action-item`), as `check` takes them. */
  now?: Date
  today?: string
  timeZone?: string
}

export type Promotion =
  /** The gate passes: `text` is the record with only its status value changed. */
  | { kind: 'promoted'; from: Status; to: Status; text: string; result: CheckResult }
  /** The record already has the status: nothing to write. */
  | { kind: 'unchanged'; status: Status }
  /** The gate fails: the errors `check` would report at `to` (`result`), and the open items among them. */
  | { kind: 'blocked'; from: Status; to: Status; open: OpenItem[]; result: CheckResult }
  /** The move cannot be asked for (exit 2): one line saying why. */
  | { kind: 'refused'; message: string }

/** Statuses a record never leaves without `force`: the last linear state and the end states. */
const FINAL: readonly Status[] = ['closed', 'rolled-back', 'failed', 'cancelled']

/**
 * Plans moving a record to another status, as a release manager does when a step is done: the
 * record's text with its `status` value replaced (in memory) is read again and checked with every
 * rule (`checkRecords`), so the gate is exactly the one `check` applies at the target status
 * (`requiredAt`, `openItemsAt`); the move is planned only when that check has no errors. Warnings
 * do not block. Pure: the caller writes `text` (or prints what blocks).
 *
 * Refused: frontmatter that cannot be read, a record whose template has no readable manifest (its
 * gates could not be applied), a `status` that is missing, names no status or is not a one-line
 * scalar, an unknown target, no next status, and — without `force` — a move backwards along the
 * lifecycle or out of `closed`, `rolled-back`, `failed` or `cancelled` (reopening a release is a
 * decision, not a step). Moving forward may skip statuses: the target's gate includes every
 * earlier one. `rolled-back`, `failed` and `cancelled` may be reached from any linear status.
 */
export function planPromotion(request: PromotionRequest): Promotion {
  const { file } = request
  const options = { file, templates: request.manifests, defaultTemplate: request.defaultTemplate }
  const record = parseRecord(request.text, options)
  if (frontmatterUnreadable(record)) {
    const problem = record.problems.find((p) => p.severity === 'error')
    return refused(`${file}:${problem?.line ?? 1}:${problem?.column ?? 1}: ${problem?.message ?? 'Unexpected unreadable frontmatter'} (the record's frontmatter cannot be read, so its status is not changed)`)
  }
  if (!Object.hasOwn(request.manifests, record.template)) {
    return refused(`${file}: Unexpected template \`${record.template}\`, expected a template with a readable manifest: without one the record's gates cannot be checked (see shiplog check --templates)`)
  }
  const field = record.frontmatter.fields['status']
  const written = record.frontmatter.data['status']
  if (!field || typeof written !== 'string') {
    return refused(`${file}:${field?.line ?? record.frontmatter.startLine ?? 1}:${field?.column ?? 1}: Unexpected record without a status, expected \`status: planned\` (or another status) in its frontmatter`)
  }
  const from = record.status
  if (from === null) {
    return refused(`${file}:${field.value.line}:${field.value.column}: Unexpected status \`${written}\`, expected one of ${STATUSES.join(', ')}: correct it by hand first`)
  }

  let to: Status | null
  if (request.target === undefined) {
    to = nextStatus(from)
    if (to === null) return refused(`${file}: Unexpected promotion without a status from \`${from}\`, expected a status to move to: \`${from}\` has no next status (name one, e.g. \`shiplog promote ${file} cancelled\`)`)
  } else {
    to = toStatus(request.target)
    if (to === null) {
      const near = closestName(request.target, STATUSES)
      return refused(`Unexpected status \`${request.target}\`, expected one of ${STATUSES.join(', ')}${near !== null ? ` (did you mean \`${near}\`?)` : ''}`)
    }
  }
  if (to === from) return { kind: 'unchanged', status: from }
  if (!request.force && isBackwards(from, to)) {
    const why = FINAL.includes(from) ? `\`${from}\` is final` : `\`${to}\` comes before \`${from}\``
    return refused(`${file}: Unexpected move from \`${from}\` back to \`${to}\` (${why}), expected a later status: pass --force to move a release back`)
  }

  const text = replaceStatusValue(request.text, field, written, to)
  const promoted = text === null ? null : parseRecord(text, options)
  if (text === null || promoted === null || promoted.status !== to || promoted.frontmatter.data['status'] !== to) {
    return refused(`${file}:${field.value.line}:${field.value.column}: Unexpected \`status\` value written over several lines or in a block, expected \`status: ${from}\` on one line: edit it by hand`)
  }
  const result = checkRecords([promoted], { manifests: request.manifests, allRecords: [...request.others.filter((other) => other.file !== file), promoted],
    ...(request.now ? { now: request.now } : {}),
    ...(request.today ? { today: request.today } : {}),
    ...(request.timeZone ? { timeZone: request.timeZone } : {}),
  })
  if (result.errors === 0) return { kind: 'promoted', from, to, text, result }
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  return { kind: 'blocked', from, to, open: openItemsAt(promoted, to), result: { ...result, warnings: 0, diagnostics: errors } }
}

/** Whether moving from `from` to `to` goes back: out of a final status, or to an earlier linear one. */
function isBackwards(from: Status, to: Status): boolean {
  if (FINAL.includes(from)) return true
  const rank = (status: Status): number => (LINEAR_STATUSES as readonly Status[]).indexOf(status)
  return rank(to) !== -1 && rank(to) < rank(from)
}

function refused(message: string): Promotion {
  return { kind: 'refused', message }
}
