// Writes test/fixtures/template/<case>/output.md from its template.md and values.json
// (`npm run fixtures`), and says which changed. The golden outputs are reviewed by hand: the test
// (test/template/fixtures.test.ts) never writes them, and fails when one is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderTemplate } from '../src/core/template/index.ts'
import { PACKAGE_ROOT } from '../src/node/fs/packageRoot.ts'
import { writeFileAtomic } from '../src/node/fs/writeFileAtomic.ts'

const fixtures = join(PACKAGE_ROOT, 'test/fixtures/template')
for (const name of readdirSync(fixtures).sort()) {
  const folder = join(fixtures, name)
  const source = readFileSync(join(folder, 'template.md'), 'utf8')
  const values = JSON.parse(readFileSync(join(folder, 'values.json'), 'utf8')) as { [name: string]: unknown }
  const { text } = renderTemplate(source, { file: `${name}/template.md`, values })
  const output = join(folder, 'output.md')
  const before = existsSync(output) ? readFileSync(output, 'utf8') : null
  if (before === text) {
    process.stdout.write(`unchanged ${name}/output.md\n`)
    continue
  }
  writeFileAtomic(output, text, { overwrite: true })
  process.stdout.write(`${before === null ? 'wrote' : 'rewrote'} ${name}/output.md: review it (git diff) before committing\n`)
}
