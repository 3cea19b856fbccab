// Entry of a body-rendering worker thread (see renderInWorkers.ts): a worker starts with Node's
// own module loader, so it registers tsx first, as bin/shiplog.js does, then loads the worker.
import { register } from 'tsx/esm/api'

register()
await import('./renderWorker.ts')
