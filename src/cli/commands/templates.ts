import { formatTemplateList, listTemplates } from '../../core/check/templates/listTemplates.ts'
import { loadProject } from '../../node/fs/loadProject.ts'
import type { GlobalOptions } from '../globals.ts'

export interface TemplatesFlags {
  json?: boolean
}

/** `shiplog templates`: the bundled and project templates, with descriptions and overrides. */
export async function templatesCommand(flags: TemplatesFlags, globals: GlobalOptions): Promise<number> {
  const project = await loadProject(globals.root)
  const summaries = listTemplates(project.templates.values(), project.config.template)
  process.stdout.write(flags.json ? `${JSON.stringify(summaries, null, 2)}\n` : formatTemplateList(summaries))
  return 0
}
