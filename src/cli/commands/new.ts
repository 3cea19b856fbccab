import { resolve } from 'node:path'
import * as prompts from '@clack/prompts'
import type { GlobalOptions } from '../globals.ts'
import { ShiplogError } from '../../core/errors.ts'
import { loadProject } from '../../node/fs/loadProject.ts'
import { readValuesFile } from '../../node/fs/readValuesFile.ts'
import { writeFileAtomic } from '../../node/fs/writeFileAtomic.ts'
import { planRecord } from '../../core/new/planRecord.ts'
import { parseSetFlags } from '../../core/new/parseSetFlags.ts'
import { parseValuesFile } from '../../core/new/parseValuesFile.ts'
import type { TemplateManifest } from '../../core/template/types.ts'

export interface NewFlags {
  template?: string
  set?: string[]
  values?: string
  fromGit?: string
  input?: boolean
  dryRun?: boolean
  force?: boolean
}

/** `shiplog new <version>`: renders a template into a new record. */
export async function newCommand(version: string, flags: NewFlags, globals: GlobalOptions): Promise<number> {
  const project = await loadProject(globals.root)
  const templateName = flags.template ?? project.config.template
  const template = project.templates.get(templateName)
  if (!template) {
    const known = [...project.templates.keys()].join(', ') || 'none'
    throw new ShiplogError(`Unknown template "${templateName}": expected one of ${known} (see shiplog templates)`, 2)
  }
  const values: { [name: string]: unknown } = Object.create(null)
  if (flags.values !== undefined) Object.assign(values, parseValuesFile(readValuesFile(flags.values), flags.values))
  Object.assign(values, parseSetFlags(flags.set ?? []))
  if (flags.fromGit !== undefined) {
    const { readCommits } = await import('../../node/git/readCommits.ts')
    values['changes'] = await readCommits(project.root, flags.fromGit)
  }
  const interactive = flags.input !== false && process.stdin.isTTY === true && process.stdout.isTTY === true && !process.env['CI']
  if (interactive && template.manifest) await promptForMissing(template.manifest, values, version)

  const planned = planRecord({
    template,
    version,
    values,
    releasesDir: project.config.releases,
    fileName: project.config.fileName,
    now: new Date(),
  })
  if (flags.dryRun) {
    process.stdout.write(planned.text)
    process.stderr.write(`(dry run) would write ${planned.path}\n`)
    return 0
  }
  writeFileAtomic(resolve(project.root, planned.path), planned.text, {
    overwrite: flags.force === true,
    within: { root: project.root, folder: project.config.releases },
  })
  process.stdout.write(`${planned.path}\n`)
  if (planned.missing.length > 0) {
    process.stderr.write(`Created ${planned.path} with ${planned.missing.length} value(s) still to fill in, e.g. {{${planned.missing.slice(0, 5).join('}}, {{')}}}\n`)
  } else {
    process.stderr.write(`Created ${planned.path}\n`)
  }
  return 0
}

async function promptForMissing(manifest: TemplateManifest, values: { [name: string]: unknown }, version: string): Promise<void> {
  const missing = Object.entries(manifest.variables).filter(
    ([name, variable]) => variable.required && name !== 'release_version' && (values[name] === undefined || values[name] === '') && variable.default === undefined,
  )
  if (missing.length === 0) return
  prompts.intro(`New release record ${version}`)
  for (const [name, variable] of missing) {
    const answer = variable.choices
      ? await prompts.select({ message: variable.description || name, options: variable.choices.map((choice) => ({ value: choice, label: choice })) })
      : await prompts.text({ message: variable.description || name, placeholder: `{{${name}}}` })
    if (prompts.isCancel(answer)) {
      prompts.cancel('Cancelled: no record was written.')
      throw new ShiplogError('Cancelled', 130)
    }
    if (typeof answer === 'string' && answer !== '') values[name] = answer
  }
  prompts.outro('Rendering the record')
}
