import { join } from 'node:path'

/**
 * The built worker (`npm run build` makes it: scripts/build.ts). Run from source, tsx's loader keeps a
 * second V8 isolate for its thread, which costs the worker tens of MB (docs/architecture.md).
 */
export const WORKER_ENTRY = join(import.meta.dirname, '..', '.output', 'worker', 'main.mjs')
