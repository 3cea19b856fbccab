/*
 * Its own module, free of Node's types: the public options that report a read's cost
 * (`LoadRecordsOptions.stats`, `StreamRecordsOptions.stats`) must not bring `node:` types into
 * a program that imports shiplog without @types/node (test/package/consumer.test.ts).
 */

/** What a read cost, for benchmarks, tests and `--verbose`. */
export interface ReadStats {
  /** Files read (each exactly once). */
  files: number
  /** Records served from the cache. */
  hits: number
  /** Records parsed (files that cannot be read or are too large count as neither), and how many workers parsed them (0: in this thread). */
  parsed: number
  workers: number
}
