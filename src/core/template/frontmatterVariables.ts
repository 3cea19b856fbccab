/** `key: "{{name}}"` (quoted or not): a frontmatter line whose whole value is one variable. */
const LONE_VARIABLE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(["']?)\{\{[ \t]*([A-Za-z_]\w*)[ \t]*\}\}\2[ \t]*(?:#.*)?$/

/**
 * Which template variable each top-level frontmatter key of a template holds, when its whole value
 * is that one variable (`environment: "{{target_environment}}"` holds `target_environment`): how
 * `check` finds the declared choices a record's frontmatter value must name (`template-choice`).
 * Reads the lines between the first two `---` lines after the manifest block (`afterLine`).
 */
export function frontmatterVariables(source: string, afterLine: number): { [key: string]: string } {
  const lines = source.split(/\r\n|\r|\n/).slice(afterLine)
  const start = lines.findIndex((line) => line.trim() !== '')
  const fields: { [key: string]: string } = Object.create(null)
  if (start === -1 || lines[start]?.trimEnd() !== '---') return fields
  for (const line of lines.slice(start + 1)) {
    if (line.trimEnd() === '---') break
    const match = LONE_VARIABLE.exec(line)
    if (match?.[1] !== undefined && match[3] !== undefined && !Object.hasOwn(fields, match[1])) fields[match[1]] = match[3]
  }
  return fields
}
