import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

const made: string[] = []

// Registered in each test file that imports this module: its folders go after each test.
afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true })
})

/**
 * A new temporary folder (named `<prefix>XXXXXX`) holding `files` (paths relative to it, with
 * `/`), their folders made as needed. It is deleted after the test that made it.
 */
export function tempProject(files: { readonly [path: string]: string | Uint8Array } = {}, prefix = 'shiplog-test-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix))
  made.push(root)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}
