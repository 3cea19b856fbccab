import { Worker } from 'node:worker_threads'

/** A message to a pool worker: a batch of jobs. It answers `{ id, results }`, one result (or null) per job, in order. */
export interface WorkerBatch<Job> {
  id: number
  jobs: Job[]
}

/** A pool worker's answer to a batch. */
export interface WorkerAnswer<Result> {
  id: number
  results: Array<Result | null>
}

/**
 * The limits a worker is started with (Node's `ResourceLimits`, written out here: this module's
 * types reach the package's public declarations, which must not need Node's types).
 */
export interface WorkerLimits {
  maxYoungGenerationSizeMb?: number
  maxOldGenerationSizeMb?: number
  codeRangeSizeMb?: number
  stackSizeMb?: number
}

export interface RunInWorkersOptions {
  /** The worker's entry module. */
  entry: URL
  /** How many workers to start. */
  workers: number
  /** What every worker is started with. */
  workerData?: unknown
  resourceLimits?: WorkerLimits
  /** True for a result of the right kind; anything else is reported as null. */
  isResult: (value: unknown) => boolean
}

/** Worker threads kept for several runs of jobs (one run at a time), so that each starts once. */
export interface WorkerPool<Job, Result> {
  /** The workers alive (fewer than started when some could not start or died). */
  readonly size: number
  /**
   * Runs jobs in the pool's workers, fed in batches from one queue (smaller batches towards the
   * end, so that the workers finish together). Reports every job exactly once through `onResult`,
   * as results arrive, with the worker's result, or null when the caller must do that job itself:
   * the worker gave no result for it, or died with it (the others go on with the queue; with none
   * left, the rest come back as null). Resolves when every job has been reported.
   */
  run(jobs: readonly Job[], onResult: (index: number, result: Result | null) => void): Promise<void>
  /** Stops the workers. */
  close(): Promise<void>
}

/** One run's handlers for what its workers say. */
interface Run {
  answer(worker: Worker, message: Partial<WorkerAnswer<unknown>>): void
  lose(worker: Worker): void
}

/** Starts `options.workers` worker threads (those that cannot start are left out) for `run` after `run`. */
export function createWorkerPool<Job, Result>(options: RunInWorkersOptions): WorkerPool<Job, Result> {
  const live = new Set<Worker>()
  let current: Run | null = null
  let nextBatch = 0
  let closed = false

  const lose = (worker: Worker): void => {
    if (!live.delete(worker)) return
    void worker.terminate()
    current?.lose(worker)
  }
  for (let n = 0; n < options.workers; n++) {
    let worker: Worker
    try {
      worker = new Worker(options.entry, {
        workerData: options.workerData,
        ...(options.resourceLimits === undefined ? {} : { resourceLimits: options.resourceLimits }),
      })
    } catch {
      continue
    }
    live.add(worker)
    worker.on('message', (message: Partial<WorkerAnswer<unknown>>) => current?.answer(worker, message))
    worker.on('error', () => lose(worker))
    worker.on('exit', () => lose(worker))
  }

  return {
    get size() {
      return live.size
    },
    run(jobs, onResult) {
      if (closed) throw new Error('The worker pool is closed')
      if (current !== null) throw new Error('The worker pool runs one set of jobs at a time')
      if (jobs.length === 0) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const queue: number[] = jobs.map((_, index) => index)
        const inFlight = new Map<Worker, { id: number; indexes: number[] }>()
        let reported = 0
        const report = (index: number, result: Result | null): void => {
          reported++
          onResult(index, result)
          if (reported === jobs.length && current === run) {
            current = null
            resolve()
          }
        }
        const send = (worker: Worker): void => {
          if (queue.length === 0) return
          const size = Math.max(1, Math.min(16, Math.ceil(queue.length / (live.size * 3))))
          const indexes = queue.splice(0, size)
          inFlight.set(worker, { id: nextBatch, indexes })
          worker.postMessage({ id: nextBatch++, jobs: indexes.map((index) => jobs[index] as Job) } satisfies WorkerBatch<Job>)
        }
        const run: Run = {
          answer(worker, message) {
            const batch = inFlight.get(worker)
            if (!batch || message.id !== batch.id || !Array.isArray(message.results)) return
            const results: unknown[] = message.results
            inFlight.delete(worker)
            send(worker)
            batch.indexes.forEach((index, k) => {
              const result = results[k]
              report(index, options.isResult(result) ? (result as Result) : null)
            })
          },
          lose(worker) {
            const batch = inFlight.get(worker)
            inFlight.delete(worker)
            // The jobs of its batch go back to the caller (one of them may be what killed it, e.g.
            // by exhausting the worker's memory), and so does the rest when no worker is left.
            for (const index of batch?.indexes ?? []) report(index, null)
            if (live.size === 0) for (const index of queue.splice(0)) report(index, null)
          },
        }
        current = run
        if (live.size === 0) for (const index of queue.splice(0)) report(index, null)
        else for (const worker of live) send(worker)
      })
    },
    async close() {
      closed = true
      const workers = [...live]
      live.clear()
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}

/**
 * Runs jobs in a pool of `options.workers` worker threads started for them and stopped after
 * (`WorkerPool.run`). Resolves when every job has been reported and the workers are gone.
 */
export async function runInWorkers<Job, Result>(
  jobs: readonly Job[],
  options: RunInWorkersOptions,
  onResult: (index: number, result: Result | null) => void,
): Promise<void> {
  if (jobs.length === 0) return
  const pool = createWorkerPool<Job, Result>(options)
  try {
    await pool.run(jobs, onResult)
  } finally {
    await pool.close()
  }
}
