import { basename } from 'node:path'
import type { ResolvedConfig } from './types.ts'

/**
 * A project's repository label, the one name `metrics` and `build` give its records when they read
 * several project roots: the configuration's `repository`, else the name of the project folder
 * (`/work/payments-api` → `payments-api`). Read from the project alone, never from git (a remote's
 * name or address differs between clones and needs no network to be wrong), so the same checkout
 * always gets the same label.
 */
export function repositoryOf(config: Pick<ResolvedConfig, 'repository'>, root: string): string {
  return config.repository ?? (basename(root) || 'repository')
}
