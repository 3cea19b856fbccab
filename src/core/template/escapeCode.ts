import type { OutputContext } from './outputContext.ts'

type CodeContext = Extract<OutputContext, { kind: 'code' }>

/**
 * Writes a value into a fenced code block as it is (commands keep `|`, `&&`, `${{ secrets.X }}`).
 * Continuation lines get the indentation of the template line, and a value line that would close
 * the fence is indented four more spaces so the block goes on.
 */
export function escapeCode(text: string, context: CodeContext): string {
  const lines = text.split(/\r\n|\r|\n/)
  return lines
    .map((line, index) => {
      const prefix = index === 0 ? '' : context.indent
      const atLineStart = index > 0 || context.lineStart
      const full = index === 0 ? context.indent + line : prefix + line
      return atLineStart && closesFence(full, context.fence) ? `${prefix}    ${line}` : prefix + line
    })
    .join(context.eol)
}

function closesFence(line: string, fence: string): boolean {
  const marker = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1]
  return marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length
}
