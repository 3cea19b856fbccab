import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'

// A merge left half done shows its conflict markers in the docs a user reads, or breaks the code.
const TEXT = /\.(md|ts|mts|js|mjs|vue|json|ya?ml|css|hbs)$/
const MARKER = /^(<{7} |={7}$|>{7} )/m

describe('the repository', () => {
  it('should hold no merge conflict markers in its text files', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter((file) => TEXT.test(file))
    expect(files.length).toBeGreaterThan(100)
    const marked = files.filter((file) => MARKER.test(readFileSync(join(REPO_ROOT, file), 'utf8')))
    expect(marked).toEqual([])
  })
})
