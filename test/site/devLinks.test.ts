import { readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadProject } from '../../src/node/fs/loadProject.ts'
import { startDevServer, type DevEvent, type DevServer } from '../../src/node/site/devServer.ts'
import { copyFixtureProject } from './helpers.ts'

// `dev` re-reads the records a save changed: the path rule holds there as when listing them.

let server: DevServer | null = null
const cleanup: string[] = []
afterEach(async () => {
  await server?.close()
  server = null
  for (const path of cleanup.splice(0)) rmSync(path, { recursive: true, force: true })
})

describe('shiplog dev, when a saved record becomes a link leading outside the releases folder', () => {
  it('should drop the record with a warning and never read the link’s target', async () => {
    const { root } = copyFixtureProject({ hostile: false })
    const outside = mkdtempSync(join(tmpdir(), 'shiplog-dev-outside-'))
    cleanup.push(root, outside)
    const secret = join(outside, 'secret.md')
    writeFileSync(secret, '---\nrelease: TOP-SECRET-VALUE\nversion: 9.9.9\nstatus: planned\n---\n')
    const events: DevEvent[] = []
    const warning: DevEvent = { type: 'log', level: 'warn', message: 'releases/payments-api/2.4.1.md: skipped: symbolic link pointing outside the releases folder' }
    // The site is written by the update that follows the warning (the save may arrive as two
    // batches, the removal then the link): wait for that event, never for a fixed time.
    let written: () => void = () => {}
    const updatedAfterWarning = new Promise<void>((resolve) => (written = resolve))
    server = await startDevServer(await loadProject(root), {
      port: 0,
      onEvent: (event) => {
        events.push(event)
        if (event.type === 'update' && events.some((seen) => JSON.stringify(seen) === JSON.stringify(warning))) written()
      },
    })
    const record = join(root, 'releases/payments-api/2.4.1.md')
    unlinkSync(record)
    symlinkSync(secret, record)
    await updatedAfterWarning
    expect(events).toContainEqual(warning)
    const home = readFileSync(join(root, '.shiplog/site/data/home.json'), 'utf8')
    expect(home).not.toContain('TOP-SECRET-VALUE')
    expect(home).not.toContain('payments-api/2.4.1')
  }, 120_000)
})
