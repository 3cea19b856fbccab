import { keywordOf } from '../record/readKeyword.ts'
import { closestName } from './closestName.ts'

/**
 * The declared choice `value` names, compared as keywords (`keywordOf`: trimmed, case-insensitive,
 * as statuses and `when` conditions are), in the template's own spelling (` High ` is `high`);
 * null when it names none of them.
 */
export function matchChoice(value: unknown, choices: readonly string[]): string | null {
  const keyword = keywordOf(value)
  if (keyword === null) return null
  return choices.find((choice) => keywordOf(choice) === keyword) ?? null
}

/**
 * "Unexpected variant `bogus`, expected one of standard, professional-services (did you mean
 * `standard`?)": the one message for a value outside a variable's declared choices.
 */
export function unexpectedChoice(name: string, value: unknown, choices: readonly string[]): string {
  const written = typeof value === 'string' ? value : JSON.stringify(value)
  const near = typeof value === 'string' ? closestName(value, choices) : null
  return `Unexpected ${name} \`${written}\`, expected one of ${choices.join(', ')}${near !== null ? ` (did you mean \`${near}\`?)` : ''}`
}
