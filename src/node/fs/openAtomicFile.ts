import { once } from 'node:events'
import { createWriteStream, mkdirSync, renameSync, unlinkSync, type WriteStream } from 'node:fs'
import { basename, dirname } from 'node:path'
import { asWriteError, assertReplaceable, removeAbandonedTemps, tempPathOf } from './writeFileAtomic.ts'

/** A file being written as a stream that replaces its target only when committed (`openAtomicFile`). */
export interface AtomicFile {
  /** The temporary file written to, beside the target. */
  readonly temp: string
  /** Writes a chunk, waiting when the stream's buffer is full (so memory stays bounded). */
  write(chunk: string): Promise<void>
  /** Finishes the file and puts it in place of the target (replacing it). */
  commit(): Promise<void>
  /** Removes the temporary file; the target is left as it was. */
  abort(): Promise<void>
}

/**
 * Opens `path` for writing as a stream, atomically like `writeFileAtomic`: everything goes to a
 * temporary dot file beside it, which replaces the target on `commit`; on `abort` (or an error)
 * the target keeps its old content and the temporary file is removed. Errors are ShiplogErrors
 * saying why where the cause is known (a read-only folder, a full disk).
 */
export async function openAtomicFile(path: string): Promise<AtomicFile> {
  assertReplaceable(path)
  const temp = tempPathOf(path)
  let stream: WriteStream
  try {
    mkdirSync(dirname(path), { recursive: true })
    removeAbandonedTemps(dirname(path), basename(path))
    stream = createWriteStream(temp, { flags: 'wx' })
    await once(stream, 'open')
  } catch (error) {
    throw asWriteError(error, path)
  }
  let failure: unknown = null
  stream.on('error', (error) => {
    failure ??= error
  })
  const check = (): void => {
    if (failure !== null) throw asWriteError(failure, path)
  }
  const remove = (): void => {
    try {
      unlinkSync(temp)
    } catch {
      // already gone
    }
  }
  return {
    temp,
    async write(chunk) {
      check()
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]).catch(() => undefined)
      check()
    },
    async commit() {
      check()
      stream.end()
      try {
        await once(stream, 'close')
        check()
        renameSync(temp, path)
      } catch (error) {
        remove()
        throw asWriteError(error, path)
      }
    },
    async abort() {
      if (!stream.closed) {
        stream.destroy()
        await once(stream, 'close').catch(() => undefined)
      }
      remove()
    },
  }
}
