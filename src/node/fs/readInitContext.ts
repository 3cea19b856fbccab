import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import { CONFIG_FILES } from './configFileIn.ts'
import { PACKAGE_ROOT } from './packageRoot.ts'

/** What `shiplog init` reads before planning: the folder's state and the bundled templates. */
export interface InitContext {
  /** Absolute path of the folder. */
  root: string
  folderName: string
  /** The configuration file already there, or null. */
  configFile: string | null
  packageJson: string | null
  gitignore: string | null
  /** The bundled templates' text, by name. */
  bundled: Map<string, string>
  /** shiplog's own version (its package.json). */
  shiplogVersion: string
}

/** Reads what `planInit` needs from the folder `root`, which must exist. */
export function readInitContext(root: string): InitContext {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ShiplogError(`Unexpected folder ${root}: expected an existing folder (the repository to set shiplog up in)`, 2)
  }
  const bundledDir = join(PACKAGE_ROOT, 'templates')
  const bundled = new Map<string, string>()
  for (const name of readdirSync(bundledDir).sort()) {
    if (!name.endsWith('.md') || name.startsWith('.') || name.startsWith('_') || name.toLowerCase() === 'readme.md') continue
    bundled.set(name.slice(0, -3), readFileSync(join(bundledDir, name), 'utf8'))
  }
  return {
    root,
    folderName: basename(root),
    configFile: CONFIG_FILES.find((name) => existsSync(join(root, name))) ?? null,
    packageJson: readIfFile(join(root, 'package.json')),
    gitignore: readIfFile(join(root, '.gitignore')),
    bundled,
    shiplogVersion: (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
  }
}

function readIfFile(path: string): string | null {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : null
  } catch {
    return null
  }
}
