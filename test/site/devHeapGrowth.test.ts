import { existsSync } from 'node:fs'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { join } from 'node:path'
import { beforeEach, expect, it, vi } from 'vitest'
import { copyFixtureProject } from './helpers.ts'

// The dev server bounds V8's heap growth and keeps code between saves for as long as it runs
// (decision 19), and gives V8 its defaults back when it closes or fails to start. What it tells
// V8 is recorded here instead (the real flags would change the process running the tests).
const flags: string[] = []
vi.mock('node:v8', async (importOriginal) => {
  const v8 = await importOriginal<typeof import('node:v8')>()
  return { ...v8, setFlagsFromString: (flag: string) => void flags.push(flag) }
})
const { loadProject } = await import('../../src/node/fs/loadProject.ts')
const { startDevServer } = await import('../../src/node/site/devServer.ts')

/** A dev server's start (VitePress and its dependency optimisation) on a busy machine. */
const TEST_MS = 180_000

const BOUND = ['--heap-growing-percent=50', '--no-flush-bytecode']
const DEFAULTS = ['--heap-growing-percent=0', '--flush-bytecode']

beforeEach(() => {
  flags.length = 0
})

it(
  'bounds the heap while it runs and gives V8 its defaults back when it closes',
  async () => {
    const server = await startDevServer(await loadProject(copyFixtureProject().root), { port: 0 })
    expect(flags).toEqual(BOUND)
    await server.close()
    expect(flags).toEqual([...BOUND, ...DEFAULTS])
  },
  TEST_MS,
)

it(
  'leaves V8 alone with heapGrowthPercent: false',
  async () => {
    const server = await startDevServer(await loadProject(copyFixtureProject().root), { port: 0, heapGrowthPercent: false })
    await server.close()
    expect(flags).toEqual([])
  },
  TEST_MS,
)

it(
  'gives V8 its defaults back when it cannot listen',
  async () => {
    const busy: Server = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    try {
      const port = (busy.address() as AddressInfo).port
      await expect(startDevServer(await loadProject(copyFixtureProject().root), { port, heapGrowthPercent: 30 })).rejects.toMatchObject({ code: 'EADDRINUSE' })
      expect(flags).toEqual(['--heap-growing-percent=30', '--no-flush-bytecode', ...DEFAULTS])
    } finally {
      busy.close()
    }
  },
  TEST_MS,
)

it.each([0, -1, 12.5])('refuses heapGrowthPercent %s before it starts anything', async (heapGrowthPercent) => {
  const { root } = copyFixtureProject()
  await expect(startDevServer(await loadProject(root), { port: 0, heapGrowthPercent })).rejects.toThrow(
    `heapGrowthPercent must be a whole number of percent above 0 or false, not ${heapGrowthPercent}`,
  )
  expect(flags).toEqual([])
  expect(existsSync(join(root, '.shiplog'))).toBe(false)
})
