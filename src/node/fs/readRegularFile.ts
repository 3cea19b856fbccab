import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'

export type RegularFileRead =
  | { ok: true; bytes: Uint8Array; /** The file's size when it was opened (`bytes` holds at most `maxBytes + 1` of it). */ size: number }
  | { ok: false; kind: 'missing' | 'folder' | 'named pipe' | 'device' | 'socket' | 'unreadable'; code?: string }

/**
 * Reads a file shiplog is handed by name, which must be a regular file: what the name opens (links
 * followed) is checked on the opened descriptor, so a folder, a named pipe (opened without
 * waiting for a writer), a device such as `/dev/zero` or a socket is refused without being read.
 * At most `maxBytes + 1` bytes are read, so a caller sees that a file is too large (`bytes.length >
 * maxBytes`) without ever holding more than that, whatever the file's size or growth.
 */
export function readRegularFile(path: string, maxBytes: number): RegularFileRead {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, kind: 'missing', code }
    if (code === 'EISDIR') return { ok: false, kind: 'folder', code }
    if (code === 'ENXIO') return { ok: false, kind: 'socket', code }
    return { ok: false, kind: 'unreadable', code: code ?? 'error' }
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return { ok: false, kind: kindOf(stat) }
    const chunks: Buffer[] = []
    let total = 0
    // The first read asks for one byte more than the file's size, so that a file that has not
    // grown since it was opened is read whole into one buffer of its size; the next read (of one
    // byte, which finds the end) tells whether it grew.
    let want = Math.min(stat.size + 1, 64 * 1024)
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total))
      const read = readSync(fd, chunk, 0, chunk.length, null)
      if (read === 0) break
      chunks.push(chunk.subarray(0, read))
      total += read
      want = read === chunk.length ? 64 * 1024 : 1
    }
    return { ok: true, bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total), size: stat.size }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'EISDIR' ? { ok: false, kind: 'folder', code } : { ok: false, kind: 'unreadable', code: code ?? 'error' }
  } finally {
    closeSync(fd)
  }
}

function kindOf(stat: Stats): 'folder' | 'named pipe' | 'device' | 'socket' {
  if (stat.isDirectory()) return 'folder'
  if (stat.isFIFO()) return 'named pipe'
  if (stat.isSocket()) return 'socket'
  return 'device'
}
