import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, REPO_ROOT } from '../helpers/runCli.ts'

/** Runs `shiplog <args> | head -c 10` in a shell and returns what head printed, the stderr and both exit codes. */
function throughHead(args: string): { out: string; err: string; codes: string } {
  // A folder of its own for the child's stderr and its working folder.
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-closed-pipe-'))
  try {
    const errFile = join(dir, 'stderr.txt')
    const script = `node ${JSON.stringify(BIN)} ${args} 2>${JSON.stringify(errFile)} | head -c 10; echo " [\${PIPESTATUS[0]} \${PIPESTATUS[1]}]"; cat ${JSON.stringify(errFile)}`
    const output = execFileSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, killSignal: 'SIGKILL' })
    const [out = '', rest = ''] = output.split(' [')
    const [codes = '', err = ''] = rest.split(']\n')
    return { out, err, codes }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('a reader that closes the pipe early', () => {
  it('should stop metrics --json quietly: the first 10 bytes, no stack trace, exit 0', () => {
    // The repository's own records, read without writing its cache (.shiplog/cache).
    const result = throughHead(`--root ${JSON.stringify(REPO_ROOT)} metrics --json --no-cache`)
    expect(result.out).toBe('{\n  "windo')
    expect(result.err).toBe('')
    expect(result.codes).toBe('0 0')
  }, 90_000)
})
