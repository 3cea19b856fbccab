import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { recordFilesStillIn } from '../../src/node/site/recordFilesStillIn.ts'

// Files the dev server listed a moment ago, as they are now: a link made to lead out of the
// releases folder since is set aside (never read), a file removed since is in neither list.
it('sorts listed files into those still inside the releases folder and those led out of it', () => {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-still-in-'))
  mkdirSync(join(root, 'releases/api'), { recursive: true })
  mkdirSync(join(root, 'elsewhere'))
  writeFileSync(join(root, 'releases/api/1.0.0.md'), '---\nrelease: 1.0.0\n---\n')
  writeFileSync(join(root, 'elsewhere/secret.md'), 'not a record\n')
  writeFileSync(join(root, 'elsewhere/2.0.0.md'), 'not a record either\n')
  // A link to a record of the same folder stays inside; links out of it (to a file, through a
  // linked folder) do not.
  symlinkSync(join(root, 'releases/api/1.0.0.md'), join(root, 'releases/api/1.0.1.md'))
  symlinkSync(join(root, 'elsewhere/secret.md'), join(root, 'releases/api/1.1.0.md'))
  symlinkSync(join(root, 'elsewhere'), join(root, 'releases/web'))
  symlinkSync('/dev/null', join(root, 'releases/api/1.2.0.md'))

  const listed = ['releases/api/1.0.0.md', 'releases/api/1.0.1.md', 'releases/api/1.1.0.md', 'releases/web/2.0.0.md', 'releases/api/1.2.0.md', 'releases/api/gone.md']
  expect(recordFilesStillIn(root, 'releases', listed)).toEqual({
    present: ['releases/api/1.0.0.md', 'releases/api/1.0.1.md'],
    outside: ['releases/api/1.1.0.md', 'releases/web/2.0.0.md', 'releases/api/1.2.0.md'],
  })
})
