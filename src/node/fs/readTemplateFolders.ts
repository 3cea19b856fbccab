import { existsSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import { MAX_RECORD_SIZE } from '../../core/record/maxRecordSize.ts'
import type { ParsedManifest } from '../../core/template/parseManifest.ts'
import type { TemplateManifest } from '../../core/template/types.ts'
import type { PlacedMessage } from '../../core/message/ShiplogMessage.ts'
import { PACKAGE_ROOT } from './packageRoot.ts'
import { isInside, projectFolder, realPathOf } from './pathRule.ts'
import { readRegularFile } from './readRegularFile.ts'

export interface LoadedTemplate {
  name: string
  /** Path for messages: relative to the project root, or `(bundled) templates/x.md`. */
  file: string
  source: string
  bundled: boolean
  /** The bundled template this project template replaces, if any. */
  overrides: boolean
  manifest: TemplateManifest | null
  problems: PlacedMessage[]
}

/**
 * The templates of a folder. With `realDir` (a project's templates folder), a file whose real path
 * leaves the folder (a symbolic link) is refused with a ShiplogError (exit 2) before it is read.
 */
function readFolder(dir: string, display: (file: string) => string, bundled: boolean, read: ManifestReader, realDir: string | null = null): LoadedTemplate[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.startsWith('.') && !name.startsWith('_') && name.toLowerCase() !== 'readme.md')
    .sort()
    .flatMap((fileName) => {
      const path = join(dir, fileName)
      if (realDir !== null) {
        const real = realPathOf(path)
        if (real === null || !isInside(real, realDir)) {
          throw new ShiplogError(
            `Unexpected ${display(path)}: ${real === null ? 'a broken symbolic link' : `its real path ${real} is outside the templates folder`}, expected a template file inside the templates folder (symbolic links are not followed out of it): not read`,
            2,
          )
        }
      }
      // A template renders into a record: it may be no larger than one. A folder called `x.md` is
      // not a template; a pipe or a device (links followed) is refused without being read.
      const file = readRegularFile(path, MAX_RECORD_SIZE)
      if (!file.ok && (file.kind === 'folder' || file.kind === 'missing')) return []
      if (!file.ok) throw new ShiplogError(`Unexpected ${file.kind === 'unreadable' ? `unreadable file (${file.code ?? 'error'})` : file.kind}, expected a template file`, 2, { file: display(path) })
      if (file.bytes.length > MAX_RECORD_SIZE) throw new ShiplogError('Unexpected template of more than 1 MiB, expected at most 1 MiB (as much as a record may hold)', 2, { file: display(path) })
      const source = Buffer.from(file.bytes).toString('utf8')
      const base = fileName.slice(0, -3)
      const { manifest, problems } = read(source, base)
      for (const problem of problems) problem.file = display(path)
      return [{ name: base, file: display(path), source, bundled, overrides: false, manifest, problems }]
    })
}

/** What a template's manifest reads to (`parseManifest`): the manifest, null when it has no valid one, and the problems found (their `file` left to the caller). */
export type ReadManifest = Pick<ParsedManifest, 'manifest' | 'problems'>

/** Reads a template's manifest from its source: `parseManifest`, or a cache in front of it. */
export type ManifestReader = (source: string, fallbackName: string) => ReadManifest

/**
 * The templates a project can use (`loadTemplates`), each manifest read by `read`: the bundled
 * ones, then the project's `templates/` folder, whose files replace bundled templates of the same
 * name and add new ones. Keyed by file base name. A templates folder, or a template in it, whose
 * real path leaves the project (the folder) is a ShiplogError (exit 2): nothing is read through it.
 */
export function readTemplateFolders(root: string, templatesDir: string, read: ManifestReader): Map<string, LoadedTemplate> {
  const bundledDir = join(PACKAGE_ROOT, 'templates')
  const projectDir = join(root, templatesDir)
  const byName = new Map<string, LoadedTemplate>()
  for (const template of readFolder(bundledDir, (file) => `(bundled) templates/${file.slice(bundledDir.length + 1)}`, true, read)) {
    byName.set(template.name, template)
  }
  const realProjectDir = projectDir === bundledDir ? null : projectFolder(root, templatesDir, 'templates folder')
  if (realProjectDir !== null && existsSync(projectDir)) {
    const toRelative = (file: string): string => relative(root, file).split(sep).join('/')
    for (const template of readFolder(projectDir, toRelative, false, read, realProjectDir)) {
      template.overrides = byName.has(template.name)
      byName.set(template.name, template)
    }
  } else if (projectDir === bundledDir) {
    for (const template of byName.values()) {
      template.bundled = true
      template.file = `templates/${template.file.slice('(bundled) templates/'.length)}`
    }
  }
  return byName
}

