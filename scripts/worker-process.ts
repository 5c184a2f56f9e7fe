import { join } from 'node:path'

/**
 * The built worker (`npm run build` makes it: scripts/build.ts). Run from source through tsx's
 * loader, the worker carried a second V8 isolate for the loader's thread: about 40 MB more resident
 * memory at rest (111 against 71 MB here), and its peak under the bench's load came within a few MB
 * of the 250 MB budget.
 */
export const WORKER_ENTRY = join(import.meta.dirname, '..', '.output', 'worker', 'main.mjs')
