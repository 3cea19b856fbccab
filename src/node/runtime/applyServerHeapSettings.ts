import { setFlagsFromString } from 'node:v8'

/** How many servers hold the settings now. */
let holders = 0

/**
 * V8 settings for a long-running process that makes garbage on every event (the dev server, on
 * every save), returning a function that gives V8 its defaults back. Both flags are read by V8
 * each time it collects, so they take effect from the next collection.
 *
 * - The heap grows to at most `1 + growthPercent / 100` times what the last full collection left
 *   live (`--heap-growing-percent`). By default V8 lets a large heap grow to about four times what
 *   is live before it collects: the process then holds several times the memory it needs.
 * - Code is not dropped for being unused for a while (`--no-flush-bytecode`). With a smaller heap
 *   V8 collects more often, and each full collection drops the bytecode of functions that have not
 *   run since the last ones: the parser, which the server runs once per save, was compiled again
 *   for every save (~100–200 ms each instead of ~30 ms, measured at 5,000 records).
 *
 * A flag the process was started with (`node --heap-growing-percent=… `, `--flush-bytecode` or
 * `--no-flush-bytecode`) is left as it is: the user's choice wins. Several servers in one process
 * share the settings (the last growth asked for applies): V8's defaults come back when the last
 * of them gives them back.
 */
export function applyServerHeapSettings(growthPercent: number, execArgv: readonly string[] = process.execArgv): () => void {
  if (!isHeapGrowthPercent(growthPercent)) throw new RangeError(`the heap growth must be a whole number of percent above 0, not ${growthPercent}`)
  const given = (flag: RegExp): boolean => execArgv.some((arg) => flag.test(arg))
  const restore: string[] = []
  if (!given(/^--heap[-_]growing[-_]percent(=|$)/)) {
    setFlagsFromString(`--heap-growing-percent=${growthPercent}`)
    // 0 is V8's default: its own growing factor, worked out from the collector's speed.
    restore.push('--heap-growing-percent=0')
  }
  if (!given(/^--(no[-_])?flush[-_]bytecode(=|$)/)) {
    setFlagsFromString('--no-flush-bytecode')
    restore.push('--flush-bytecode')
  }
  holders++
  let held = true
  return () => {
    if (!held) return
    held = false
    if (--holders === 0) for (const flag of restore) setFlagsFromString(flag)
  }
}

/** A heap growth `applyServerHeapSettings` takes: a whole number of percent above 0. */
export function isHeapGrowthPercent(percent: number): boolean {
  return Number.isInteger(percent) && percent > 0
}
