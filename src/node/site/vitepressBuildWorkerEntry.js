// Entry of the VitePress build worker (see runVitepressBuild.ts): a worker starts with Node's own
// module loader, so it registers tsx first, as bin/shiplog.js does, then loads the worker.
import { register } from 'tsx/esm/api'

register()
await import('./vitepressBuildWorker.ts')
