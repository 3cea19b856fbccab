import { resolve } from 'node:path'
import * as prompts from '@clack/prompts'
import type { GlobalOptions } from '../globals.ts'
import { ShiplogError } from '../../core/errors.ts'
import { loadProject } from '../../node/fs/loadProject.ts'
import { readValuesFile } from '../../node/fs/readValuesFile.ts'
import { writeFileAtomic } from '../../node/fs/writeFileAtomic.ts'
import { openInEditor } from '../../node/editor/openInEditor.ts'
import { planRecord } from '../../core/new/planRecord.ts'
import { parseSetFlags } from '../../core/new/parseSetFlags.ts'
import { parseValuesFile } from '../../core/new/parseValuesFile.ts'
import { resolveChoices } from '../../core/new/resolveChoices.ts'
import { unknownSetKeys } from '../../core/new/unknownSetKeys.ts'
import type { Point } from '../../core/record/types.ts'
import type { TemplateManifest } from '../../core/template/types.ts'

export interface NewFlags {
  template?: string
  set?: string[]
  values?: string
  fromGit?: string
  input?: boolean
  dryRun?: boolean
  force?: boolean
  /** Open `$VISUAL`/`$EDITOR` on the record once it is written. */
  edit?: boolean
}

/** `shiplog new <version>`: renders a template into a new record. */
export async function newCommand(version: string, flags: NewFlags, globals: GlobalOptions): Promise<number> {
  if (flags.edit && flags.dryRun) throw new ShiplogError('Unexpected --edit with --dry-run: a dry run writes no record to edit', 2)
  const project = await loadProject(globals.root)
  const templateName = flags.template ?? project.config.template
  const template = project.templates.get(templateName)
  if (!template) {
    const known = [...project.templates.keys()].join(', ') || 'none'
    throw new ShiplogError(`Unknown template "${templateName}": expected one of ${known} (see shiplog templates)`, 2)
  }
  const values: { [name: string]: unknown } = Object.create(null)
  // Where each value came from, so that a refused one is named with its place.
  const origins: { [name: string]: string } = Object.create(null)
  if (flags.values !== undefined) {
    const places = new Map<string, Point>()
    Object.assign(values, parseValuesFile(readValuesFile(flags.values), flags.values, places))
    for (const [name, at] of places) origins[name] = `${flags.values}:${at.line}:${at.column}`
  }
  const set = parseSetFlags(flags.set ?? [])
  Object.assign(values, set)
  for (const [name, value] of Object.entries(set)) origins[name] = `--set ${name}=${value}`
  for (const warning of unknownSetKeys(Object.keys(set), template.manifest, template.name)) process.stderr.write(`${warning}\n`)
  if (flags.fromGit !== undefined) {
    const { readCommits } = await import('../../node/git/readCommits.ts')
    const commits = await readCommits(project.root, flags.fromGit)
    if (commits.length === 0) process.stderr.write(`Warning: --from-git ${flags.fromGit}: no commits in range; the changes table is left to fill by hand\n`)
    values['changes'] = commits
  }
  // A value outside its choices is refused before anything is asked.
  if (template.manifest) resolveChoices(template.manifest.variables, values, origins)
  const interactive = flags.input !== false && process.stdin.isTTY === true && process.stdout.isTTY === true && !process.env['CI']
  if (interactive && template.manifest) await promptForMissing(template.manifest, values, origins, version)

  const planned = planRecord({
    template,
    version,
    values,
    origins,
    releasesDir: project.config.releases,
    fileName: project.config.fileName,
    now: new Date(),
  })
  for (const warning of planned.warnings) process.stderr.write(`${warning}\n`)
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
  if (flags.edit) {
    // The record is written before the editor starts: whatever the editor does, it is not lost.
    try {
      await openInEditor(planned.path, { cwd: project.root })
    } catch (error) {
      if (!(error instanceof ShiplogError)) throw error
      process.stderr.write(`shiplog: ${error.reason} (the record is written: ${planned.path})\n`)
      return error.exitCode
    }
  }
  return 0
}

/** Asks for the required values still missing: a select of the declared choices, else free text. */
async function promptForMissing(manifest: TemplateManifest, values: { [name: string]: unknown }, origins: { [name: string]: string }, version: string): Promise<void> {
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
    if (typeof answer === 'string' && answer !== '') {
      values[name] = answer
      origins[name] = `prompt for ${name}`
    }
  }
  prompts.outro('Rendering the record')
}
