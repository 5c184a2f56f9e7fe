/**
 * Node flags the web process runs with, wherever it is started (npm start, the bench; the Dockerfile
 * repeats them). V8 sizes its heap from the machine's memory and grows it lazily, so on a large host
 * an idle-after-load web process kept 300+ MB resident while holding 30–60 MB of live objects. A
 * 192 MB old space keeps it under 250 MB resident with room to spare: page renders take turns two
 * at a time, the catalog and session caches are bounded.
 */
export const WEB_NODE_FLAGS = ['--max-old-space-size=192']
