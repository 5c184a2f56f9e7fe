/**
 * Node flags the web process runs with, wherever it is started (npm start, the bench; the Dockerfile
 * repeats them). V8 sizes its heap from the machine's memory and grows it lazily, so on a large host
 * an idle web process keeps far more resident than it holds live. A 192 MB old space is plenty: page
 * renders take turns two at a time, the catalog and session caches are bounded (docs/architecture.md).
 */
export const WEB_NODE_FLAGS = ['--max-old-space-size=192']
