import { afterAll, afterEach, beforeAll } from 'vitest'
import { startFaultStack, type FaultStack } from './services'

/**
 * For a describe block: a fault stack started before its tests, its logs printed after a failed
 * test, and everything (processes, servers, data) thrown away after the last one.
 */
export function useFaultStack(label: string, env: Record<string, string> = {}): () => FaultStack {
  let stack: FaultStack | undefined
  beforeAll(async () => {
    stack = await startFaultStack(label, env)
  })
  afterEach(({ task }) => {
    if (task.result?.state === 'fail' && stack) console.log(stack.diagnostics())
  })
  afterAll(() => stack?.stop())
  return () => {
    if (!stack) throw new Error('the fault stack did not start')
    return stack
  }
}
