import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/index.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

const fixtures = join(REPO_ROOT, 'test/fixtures/status')
const deployment = parseManifest(readFileSync(join(REPO_ROOT, 'templates/deployment.md'), 'utf8'), 'deployment').manifest
if (!deployment) throw new Error('the deployment template has no manifest')

interface Expected {
  version: string
  status: string
  done: number
  total: number
  triggers: { fired: number; total: number }
  stages: { [name: string]: [number, number] }
  groups: { [name: string]: [string, number, number, boolean] }
  required: string[]
}

describe('computeProgress', () => {
  for (const name of readdirSync(fixtures)) {
    it(`should count ${name} as worked out by hand`, () => {
      const source = readFileSync(join(fixtures, name, 'input.md'))
      const expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as Expected
      const record = parseRecord(source, { file: `releases/${name}.md`, templates: { deployment } })
      const progress = computeProgress(record)
      expect(progress.file).toBe(`releases/${name}.md`)
      expect(progress.version).toBe(expected.version)
      expect(progress.status).toBe(expected.status)
      expect(progress.triggers).toEqual(expected.triggers)
      expect(Object.fromEntries(progress.stages.map((s) => [s.name, [s.done, s.total]]))).toEqual(expected.stages)
      expect(
        Object.fromEntries(progress.stages.flatMap((s) => s.groups.map((g) => [`${s.name} › ${g.name}`, [g.role, g.done, g.total, g.counted]]))),
      ).toEqual(expected.groups)
      expect([progress.done, progress.total]).toEqual([expected.done, expected.total])
      expect(progress.stages.flatMap((s) => s.groups.filter((g) => g.required).map((g) => `${s.name} › ${g.name}`))).toEqual(expected.required)
    })
  }

  it('should report a record with no checklist as 0 of 0', () => {
    const record = parseRecord('---\nversion: "1.0.0"\nstatus: planned\n---\n# Notes\n\nNothing to do.\n', { file: 'releases/x.md' })
    expect(computeProgress(record)).toEqual({
      file: 'releases/x.md',
      version: '1.0.0',
      status: 'planned',
      done: 0,
      total: 0,
      stages: [],
      triggers: { fired: 0, total: 0 },
      actionItems: [],
    })
  })
})
