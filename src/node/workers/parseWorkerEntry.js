// Entry of a parse worker thread (see parseInWorkers.ts): a worker starts with Node's own module
// loader, so it registers tsx first, as bin/shiplog.js does, then loads the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./parseWorker.ts')
