import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { BIN, REPO_ROOT } from '../helpers/runCli.ts'

/** Runs `shiplog <args> | head -c 10` in a shell and returns what head printed, the stderr and both exit codes. */
function throughHead(args: string): { out: string; err: string; codes: string } {
  const script = `node ${JSON.stringify(BIN)} ${args} 2>/tmp/shiplog-closed-pipe.err | head -c 10; echo " [\${PIPESTATUS[0]} \${PIPESTATUS[1]}]"; cat /tmp/shiplog-closed-pipe.err`
  const output = execFileSync('bash', ['-c', script], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  const [out = '', rest = ''] = output.split(' [')
  const [codes = '', err = ''] = rest.split(']\n')
  return { out, err, codes }
}

describe('a reader that closes the pipe early', () => {
  it('should stop metrics --json quietly: the first 10 bytes, no stack trace, exit 0', () => {
    const result = throughHead('metrics --json')
    expect(result.out).toBe('{\n  "windo')
    expect(result.err).toBe('')
    expect(result.codes).toBe('0 0')
  }, 60_000)
})
