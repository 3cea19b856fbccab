import { Worker, type ResourceLimits } from 'node:worker_threads'

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

export interface RunInWorkersOptions {
  /** The worker's entry module. */
  entry: URL
  /** How many workers to start. */
  workers: number
  /** What every worker is started with. */
  workerData?: unknown
  resourceLimits?: ResourceLimits
  /** True for a result of the right kind; anything else is reported as null. */
  isResult: (value: unknown) => boolean
}

/**
 * Runs jobs in a pool of worker threads, fed in batches from one queue (smaller batches towards
 * the end, so that the workers finish together). Reports every job exactly once through
 * `onResult`, as results arrive, with the worker's result, or null when the caller must do that
 * job itself: the worker gave no result for it, or died with it (the others go on with the queue;
 * with none left, or none started, the rest come back as null). Resolves when every job has been
 * reported and the workers are gone.
 */
export async function runInWorkers<Job, Result>(
  jobs: readonly Job[],
  options: RunInWorkersOptions,
  onResult: (index: number, result: Result | null) => void,
): Promise<void> {
  if (jobs.length === 0) return
  const queue: number[] = jobs.map((_, index) => index)
  let reported = 0
  let nextBatch = 0
  const live = new Set<Worker>()
  const inFlight = new Map<Worker, { id: number; indexes: number[] }>()

  await new Promise<void>((resolve) => {
    let done = false
    const report = (index: number, result: Result | null): void => {
      reported++
      onResult(index, result)
      if (reported === jobs.length && !done) {
        done = true
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
    const fail = (worker: Worker): void => {
      if (done || !live.delete(worker)) return
      const batch = inFlight.get(worker)
      inFlight.delete(worker)
      void worker.terminate()
      // The jobs of its batch go back to the caller (one of them may be what killed it, e.g. by
      // exhausting the worker's memory), and so does the rest when no worker is left.
      for (const index of batch?.indexes ?? []) report(index, null)
      if (live.size === 0) for (const index of queue.splice(0)) report(index, null)
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
      worker.on('message', (message: Partial<WorkerAnswer<unknown>>) => {
        const batch = inFlight.get(worker)
        if (!batch || message.id !== batch.id || !Array.isArray(message.results)) return
        const results: unknown[] = message.results
        inFlight.delete(worker)
        send(worker)
        batch.indexes.forEach((index, k) => {
          const result = results[k]
          report(index, options.isResult(result) ? (result as Result) : null)
        })
      })
      worker.on('error', () => fail(worker))
      worker.on('exit', () => fail(worker))
    }
    if (live.size === 0) for (const index of queue.splice(0)) report(index, null)
    else for (const worker of live) send(worker)
  })
  await Promise.all([...live].map((worker) => worker.terminate()))
}
