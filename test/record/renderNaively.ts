const MANIFEST = /^\{\{!--[\s\S]*?--~?\}\}\n?/
const EACH = /^\{\{#each \w+\}\}\n[\s\S]*?^(?:\{\{else\}\}\n([\s\S]*?))?\{\{\/each\}\}\n/gm
const UNLESS = /\{\{#unless \w+\}\}([\s\S]*?)\{\{\/unless\}\}/g

/**
 * Renders a bundled template the way Handlebars would with no values given, by plain text
 * substitution: the leading manifest comment is dropped, `{{#each}}` blocks keep their `{{else}}`
 * part (or nothing), `{{#unless}}` blocks keep their content, and every `{{name}}` stays as written.
 */
export function renderNaively(template: string): string {
  return template
    .replace(MANIFEST, '')
    .replace(EACH, (_match, otherwise: string | undefined) => otherwise ?? '')
    .replace(UNLESS, (_match, content: string) => content)
}
