import { beforeEach, describe, expect, it, vi } from 'vitest'

// What V8 is told: `setFlagsFromString` is replaced by a recorder (the real one would change the
// flags of the process running the tests).
const flags: string[] = []
vi.mock('node:v8', async (importOriginal) => {
  const v8 = await importOriginal<typeof import('node:v8')>()
  return { ...v8, setFlagsFromString: (flag: string) => void flags.push(flag) }
})

const { applyServerHeapSettings, isHeapGrowthPercent } = await import('../../src/node/runtime/applyServerHeapSettings.ts')

beforeEach(() => {
  flags.length = 0
})

describe('applyServerHeapSettings', () => {
  it('bounds the heap’s growth and keeps code, then gives V8 its defaults back, once', () => {
    const restore = applyServerHeapSettings(50, ['--enable-source-maps'])
    expect(flags).toEqual(['--heap-growing-percent=50', '--no-flush-bytecode'])
    restore()
    expect(flags.slice(2)).toEqual(['--heap-growing-percent=0', '--flush-bytecode'])
    restore()
    expect(flags).toHaveLength(4)
  })

  it('gives V8 its defaults back when the last of several servers does', () => {
    const first = applyServerHeapSettings(50, [])
    const second = applyServerHeapSettings(30, [])
    expect(flags).toEqual(['--heap-growing-percent=50', '--no-flush-bytecode', '--heap-growing-percent=30', '--no-flush-bytecode'])
    first()
    first()
    expect(flags).toHaveLength(4)
    second()
    expect(flags.slice(4)).toEqual(['--heap-growing-percent=0', '--flush-bytecode'])
  })

  it('leaves the heap’s growth to a process started with it, in either spelling', () => {
    for (const execArgv of [['--heap-growing-percent=30'], ['--heap_growing_percent=200'], ['--inspect', '--heap-growing-percent']]) {
      flags.length = 0
      applyServerHeapSettings(50, execArgv)()
      expect(flags, execArgv.join(' ')).toEqual(['--no-flush-bytecode', '--flush-bytecode'])
    }
  })

  it('leaves bytecode flushing to a process started with either choice', () => {
    for (const execArgv of [['--flush-bytecode'], ['--no-flush-bytecode'], ['--no_flush_bytecode']]) {
      flags.length = 0
      applyServerHeapSettings(20, execArgv)()
      expect(flags, execArgv.join(' ')).toEqual(['--heap-growing-percent=20', '--heap-growing-percent=0'])
    }
  })

  it('still bounds the growth when only the heap’s size was capped', () => {
    const restore = applyServerHeapSettings(25, ['--max-old-space-size=768'])
    expect(flags).toEqual(['--heap-growing-percent=25', '--no-flush-bytecode'])
    restore()
  })

  it('refuses a growth that is not a whole number of percent above 0, before setting anything', () => {
    for (const percent of [0, -10, 12.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => applyServerHeapSettings(percent, []), String(percent)).toThrow(RangeError)
      expect(isHeapGrowthPercent(percent)).toBe(false)
    }
    expect(flags).toEqual([])
    expect(isHeapGrowthPercent(1)).toBe(true)
    expect(isHeapGrowthPercent(400)).toBe(true)
  })
})
