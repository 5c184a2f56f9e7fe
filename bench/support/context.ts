import type { Results } from './report'
import type { Shop } from './shop'
import type { BenchStack, StackOptions } from './stack'

/** What every scenario gets from bench/run.ts. */
export interface BenchContext {
  quick: boolean
  /** Repetitions per measurement; the table shows their median. */
  reps: number
  results: Results
  log: (line: string) => void
  /** The stack with zero confirmation delays and the 100-product catalog, started on first use. */
  shop: () => Promise<Shop>
  /** Another stack (e.g. with the default delays); the caller stops it. */
  startStack: (label: string, options?: StackOptions) => Promise<BenchStack>
}

export interface Scenario {
  name: string
  run: (context: BenchContext) => Promise<void>
}
