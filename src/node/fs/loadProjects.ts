import { isAbsolute, join, relative, resolve } from 'node:path'
import type { ShiplogConfig } from '../../core/config/types.ts'
import { repositoryOf } from '../../core/config/repositoryOf.ts'
import { ShiplogError } from '../../core/errors.ts'
import { loadProject, type LoadProjectOptions, type Project } from './loadProject.ts'

/** A project root among several, with its repository label (`repositoryOf`). */
export interface RepositoryProject {
  name: string
  project: Project
}

/** The project roots `metrics` and `build` read, and the project whose settings they use. */
export interface LoadedProjects {
  /**
   * The project the command's own settings come from (site title, output folder, base, targets,
   * timezone, `metrics.dailyDeployDays`): the first `--root`, or the project holding `workspaces`.
   */
  main: Project
  /** Every root read, in the order given; one (the main project) without several roots. */
  repositories: RepositoryProject[]
}

/**
 * Opens the project roots a command reads: each of `roots` (the `--root` options) when there are
 * several; with one, that project, or, when its configuration lists `workspaces`, exactly the
 * roots listed there (relative to it; `.` is the project itself). Each root is a project of its
 * own (its configuration, templates and rules; the path rule applies inside it) and is labelled
 * by `repositoryOf`. `overrides` (command-line flags) apply to the main project only. A root that
 * is not a folder, a configuration that cannot be read, or two roots with the same label is an
 * error (exit 2) naming the root.
 */
export async function loadProjects(roots: readonly string[], overrides: ShiplogConfig = {}, options: LoadProjectOptions = {}): Promise<LoadedProjects> {
  const [first, ...others] = roots
  if (first === undefined) throw new ShiplogError('Unexpected no project root, expected at least one --root', 2)
  const main = await loadProject(first, overrides, options)
  let projects: Project[]
  if (others.length > 0) {
    projects = [main, ...(await Promise.all(others.map((root) => openRoot(root, `--root ${root}`, options))))]
  } else if (main.config.workspaces.length > 0) {
    const listedIn = main.configFile ?? 'the configuration'
    projects = await Promise.all(
      main.config.workspaces.map((workspace) => {
        const absolute = resolve(main.root, workspace)
        return absolute === main.root ? main : openRoot(absolute, `workspace ${JSON.stringify(workspace)} of ${join(shown(main.root), listedIn)}`, options)
      }),
    )
  } else {
    projects = [main]
  }
  const repositories = projects.map((project) => ({ name: repositoryOf(project.config, project.root), project }))
  const seen = new Map<string, Project>()
  for (const { name, project } of repositories) {
    const other = seen.get(name)
    if (other === project) {
      throw new ShiplogError(`Unexpected project root ${shown(project.root)} given twice, expected each repository once`, 2)
    }
    if (other !== undefined) {
      throw new ShiplogError(
        `Unexpected two project roots labelled \`${name}\` (${shown(other.root)} and ${shown(project.root)}), expected one label per repository: set \`repository\` in the configuration of one of them`,
        2,
      )
    }
    seen.set(name, project)
  }
  return { main, repositories }
}

/** Opens one more root; a problem is reported naming it (`what`), with the file it is in. */
async function openRoot(root: string, what: string, options: LoadProjectOptions): Promise<Project> {
  try {
    return await loadProject(root, {}, options)
  } catch (error) {
    if (!(error instanceof ShiplogError)) throw error
    const missing = error.reason.startsWith('Unexpected --root')
    const reason = missing ? `${what} (${resolve(root)}): expected an existing folder` : `${what}: ${error.reason}`
    throw new ShiplogError(`Unexpected ${reason}`, error.exitCode, {
      ...(error.file ? { file: join(shown(resolve(root)), error.file) } : {}),
      ...(error.line === undefined ? {} : { place: { line: error.line, column: error.column ?? 1 } }),
    })
  }
}

/** A folder as the user would type it: relative to the current folder when inside it. */
function shown(folder: string): string {
  const rel = relative(process.cwd(), folder)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? folder : rel
}
