import { parseTemplate } from './parseTemplate.ts'
import { topLevelName } from './topLevelName.ts'
import { walkTemplate } from './walkTemplate.ts'

/**
 * Every top-level variable a template reads, in order of first appearance: in output, in
 * conditions, as helper or block arguments and in sub-expressions, `{{else}}` branches included.
 * Not listed: helpers, `@data` (except `@root.name`, which lists `name`), `this`, block
 * parameters, and names inside `#each` / `#with` bodies, which read the item.
 * Throws a `TemplateError` when the template does not parse.
 */
export function templateVariables(source: string, file = '<template>'): string[] {
  const names = new Set<string>()
  walkTemplate(parseTemplate(source, file), {
    path(path, scope) {
      const name = topLevelName(path, scope)
      if (name !== null) names.add(name)
    },
  })
  return [...names]
}
