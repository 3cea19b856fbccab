// Writes schema/release.schema.json (frontmatter), schema/config.schema.json (configuration) and
// schema/export.schema.json (a line of `shiplog export`) from their zod schemas (`npm run generate`).
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../src/node/fs/packageRoot.ts'
import { writeFileAtomic } from '../src/node/fs/writeFileAtomic.ts'
import { RELEASE_SCHEMA_PATH, releaseJsonSchemaText } from '../src/core/check/releaseJsonSchema.ts'
import { CONFIG_SCHEMA_PATH, configJsonSchemaText } from '../src/core/config/configJsonSchema.ts'
import { EXPORT_SCHEMA_PATH, exportJsonSchemaText } from '../src/core/export/exportJsonSchema.ts'

writeFileAtomic(join(PACKAGE_ROOT, RELEASE_SCHEMA_PATH), releaseJsonSchemaText(), { overwrite: true })
process.stdout.write(`wrote ${RELEASE_SCHEMA_PATH}\n`)
writeFileAtomic(join(PACKAGE_ROOT, CONFIG_SCHEMA_PATH), configJsonSchemaText(), { overwrite: true })
process.stdout.write(`wrote ${CONFIG_SCHEMA_PATH}\n`)
writeFileAtomic(join(PACKAGE_ROOT, EXPORT_SCHEMA_PATH), exportJsonSchemaText(), { overwrite: true })
process.stdout.write(`wrote ${EXPORT_SCHEMA_PATH}\n`)
