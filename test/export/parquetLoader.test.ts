import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { loadDuckDb, type DuckDbLoader } from '../../src/node/export/loadDuckDb.ts'
import { writeExport } from '../../src/node/export/writeExport.ts'
import { loadProject } from '../../src/node/fs/loadProject.ts'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A loader that fails as `import()` does when the package is not installed. */
const notInstalled: DuckDbLoader = () =>
  Promise.reject(Object.assign(new Error("Cannot find package '@duckdb/node-api' imported from dist/node/export/loadDuckDb.js"), { code: 'ERR_MODULE_NOT_FOUND' }))

describe('Parquet without @duckdb/node-api', () => {
  it('should be a usage error (exit 2) saying how to install it', async () => {
    const error = await loadDuckDb(notInstalled).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ShiplogError)
    expect((error as ShiplogError).exitCode).toBe(2)
    expect((error as ShiplogError).message).toBe(
      'Parquet needs the optional dependency @duckdb/node-api, which is not installed: install it (npm install @duckdb/node-api), or export NDJSON (the default format)',
    )
  })

  it('should name the cause when the package is there but cannot be loaded', async () => {
    const error = await loadDuckDb(() => Promise.reject(new Error('libduckdb.so: cannot open shared object file'))).catch((caught: unknown) => caught)
    expect((error as ShiplogError).exitCode).toBe(2)
    expect((error as ShiplogError).message).toContain('could not be loaded (libduckdb.so: cannot open shared object file)')
  })

  it('should write nothing, neither the file nor a temporary one, while NDJSON still works', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-parquet-missing-'))
    roots.push(root)
    mkdirSync(join(root, 'releases'))
    writeFileSync(join(root, 'releases', '1.0.0.md'), '---\nenvironment: production\nstatus: deployed\ndeployed_at: "2026-05-04T10:00:00Z"\n---\n')
    const project = await loadProject(root)
    const out = join(root, 'out.parquet')
    await expect(writeExport(project, out, { repository: 'r', cache: false, format: 'parquet', loadDuckDb: notInstalled })).rejects.toThrow(/not installed/)
    expect(readdirSync(root).sort()).toEqual(['releases'])
    const ndjson = join(root, 'out.ndjson')
    const summary = await writeExport(project, ndjson, { repository: 'r', cache: false, loadDuckDb: notInstalled })
    expect(summary).toMatchObject({ records: 1, deployments: 1, changes: 0, incidents: 0 })
    expect(existsSync(ndjson)).toBe(true)
  })
})
