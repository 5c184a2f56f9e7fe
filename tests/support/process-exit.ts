const cleanups = new Set<() => void>()
let installed = false

/**
 * Runs `cleanup` (synchronous) if the test process exits before it was removed: the safety net for
 * servers a crashed run would otherwise leave behind. Returns the function that removes it again.
 */
export function onProcessExit(cleanup: () => void): () => void {
  if (!installed) {
    installed = true
    process.once('exit', () => {
      for (const each of cleanups) each()
    })
  }
  cleanups.add(cleanup)
  return () => cleanups.delete(cleanup)
}
