// Writes schema/release.schema.json from the frontmatter schema (`npm run generate`).
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../src/node/fs/packageRoot.ts'
import { writeFileAtomic } from '../src/node/fs/writeFileAtomic.ts'
import { RELEASE_SCHEMA_PATH, releaseJsonSchemaText } from '../src/core/check/releaseJsonSchema.ts'

writeFileAtomic(join(PACKAGE_ROOT, RELEASE_SCHEMA_PATH), releaseJsonSchemaText(), { overwrite: true })
process.stdout.write(`wrote ${RELEASE_SCHEMA_PATH}\n`)
