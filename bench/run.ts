import { existsSync, readdirSync, renameSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { BenchContext, Scenario } from './support/context'
import { summarizeProfiles } from './support/profile'
import { Results } from './support/report'
import { closeShop, openShop, type Shop } from './support/shop'
import { buildApp } from '../scripts/build'
import { WORKER_ENTRY } from '../scripts/worker-process'
import { SERVER_ENTRY, startBenchStack, type BenchStack, type StackOptions } from './support/stack'
import { catalog } from './scenarios/catalog'
import { delays } from './scenarios/delays'
import { http } from './scenarios/http'
import { limit } from './scenarios/limit'
import { memory } from './scenarios/memory'
import { pipeline } from './scenarios/pipeline'
import { scaleout } from './scenarios/scaleout'

const resultsDir = join(import.meta.dirname, 'results')
const SCENARIOS: Scenario[] = [limit, pipeline, delays, http, catalog, memory, scaleout]

const USAGE = `npm run bench [-- --quick] [--only=limit,pipeline,delays,http,catalog,memory,scaleout] [--reps=3] [--workers=1] [--cpu-prof]
  --quick      small counts and one repetition (a smoke run, under 2 minutes on an idle machine)
  --only       run only these scenarios (comma-separated)
  --reps       repetitions per measurement; the table shows medians (default 3, 1 with --quick)
  --workers    worker processes on the zero-delay stack (default 1; scaleout runs 1, 2 and 3 on a stack of its own)
  --cpu-prof   profile web and worker(s) of the zero-delay stack (node --cpu-prof) and print their top functions`

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      reps: { type: 'string' },
      workers: { type: 'string', default: '1' },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const only = values.only?.split(',').map(name => name.trim()).filter(Boolean)
  const unknown = only?.filter(name => !SCENARIOS.some(scenario => scenario.name === name)) ?? []
  if (unknown.length > 0) throw new Error(`Unknown scenario ${unknown.join(', ')}.\n${USAGE}`)
  return {
    quick: values.quick,
    scenarios: SCENARIOS.filter(scenario => !only || only.includes(scenario.name)),
    reps: Math.max(1, Number(values.reps ?? (values.quick ? 1 : 3))),
    workers: Math.max(1, Number(values.workers)),
    profile: values['cpu-prof'],
  }
}

async function buildIfMissing() {
  if (existsSync(SERVER_ENTRY) && existsSync(WORKER_ENTRY)) return
  console.log('[bench] No build found: running npm run build…')
  await buildApp()
}

const load = () => loadavg().map(value => value.toFixed(2)).join(' ')

async function main() {
  const settings = options()
  await buildIfMissing()
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const profileDir = join(resultsDir, `profile-${stamp}`)
  const results = new Results()
  const log = (line: string) => console.log(`[bench] ${line}`)
  const stacks: BenchStack[] = []
  const startStack = async (label: string, stackOptions: StackOptions = {}) => {
    const stack = await startBenchStack(label, stackOptions)
    stacks.push(stack)
    return stack
  }
  let shop: Promise<Shop> | undefined
  const context: BenchContext = {
    quick: settings.quick,
    reps: settings.reps,
    results,
    log,
    startStack: async (label, stackOptions) => {
      const stack = await startStack(label, stackOptions)
      const stop = stack.stop
      return { ...stack, stop: async () => {
        stacks.splice(stacks.indexOf(stack), 1)
        await stop()
      } }
    },
    shop: () => shop ??= (async () => {
      const stack = await startStack('fast', {
        env: { PAYMENT_CONFIRM_DELAY_MS: '0', STORE_CONFIRM_DELAY_MS: '0', ORDER_CONFIRM_DEADLINE_MS: '60000' },
        workers: settings.workers,
        nodeArgs: settings.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      })
      // 3 stores × 25 products + a slow store (2 s) × 25: the catalog has 100 products on sale.
      return openShop(stack, { stores: 3, perStore: 25, slowStoreDelayMs: 2000 })
    })(),
  }

  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }
  const loadBefore = load()
  log(`${settings.quick ? 'quick' : 'full'} run of ${settings.scenarios.map(scenario => scenario.name).join(', ')}; ${machine.cpus} CPUs; load average ${loadBefore}`)
  const started = Date.now()
  let failed = false
  const cleanUp = async () => {
    if (shop) await closeShop(await shop).catch(() => {})
    for (const stack of stacks.splice(0)) await stack.stop().catch(error => console.error(`[bench] cleanup: ${(error as Error).message}`))
  }
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)))
  try {
    for (const scenario of settings.scenarios) {
      const scenarioStarted = Date.now()
      log(`${scenario.name}…`)
      await scenario.run(context)
      log(`${scenario.name} done in ${((Date.now() - scenarioStarted) / 1000).toFixed(0)} s`)
    }
  }
  catch (error) {
    failed = true
    console.error(`[bench] failed: ${(error as Error).stack}`)
    for (const stack of stacks) {
      for (const process of [stack.web, ...stack.workers]) console.error(`[bench] last output of ${process.output().slice(-4000)}`)
    }
  }
  finally {
    const pids = shop ? await shop.then(({ stack }) => ({ web: stack.web.pid, workers: stack.workers.map(worker => worker.pid) })).catch(() => undefined) : undefined
    await cleanUp()
    if (settings.profile && existsSync(profileDir) && pids) labelProfiles(profileDir, pids)
  }

  addRatios(results)
  const seconds = (Date.now() - started) / 1000
  console.log(`\n${results.table()}\n`)
  const path = results.write(resultsDir, { startedAt: new Date(started).toISOString(), seconds, quick: settings.quick, reps: settings.reps, workers: settings.workers, machine, loadAverage: { before: loadBefore, after: load() }, failed })
  log(`${seconds.toFixed(0)} s; load average before ${loadBefore}, after ${load()}; results in ${path}`)
  if (settings.profile && existsSync(profileDir)) console.log(`\nTop self time (${profileDir}):\n\n${summarizeProfiles(profileDir)}`)
  process.exit(failed ? 1 : 0)
}

/** Ratios between metrics of this run (targets of issue 6). */
function addRatios(results: Results) {
  const limitRate = results.value('limit', 'postgres: order-placing commits/s, one order each (concurrency 10 = pool)')
  for (const concurrency of [20, 50]) {
    const rate = results.value('pipeline', `concurrency ${concurrency}: orders/s submitted → decided`)
    if (limitRate && rate) results.record('ratio', `pipeline (concurrency ${concurrency}) / postgres limit`, '×', [rate / limitRate], 'target ≥ 0.5')
  }
  // What the 0.5 target asks of the whole machine: every core busy for half the limit's rate.
  const machineCpu = results.value('pipeline', 'concurrency 50: machine CPU per order')
  if (limitRate && machineCpu) {
    results.record('ratio', 'machine CPU per order the 0.5 target allows', 'ms', [(cpus().length * 1000) / (0.5 * limitRate)], `${cpus().length} cores ÷ (0.5 × limit); measured at concurrency 50: ${machineCpu.toFixed(2)} ms`)
  }
  // Issue 16: an order should cost about the same CPU whether the pipeline is busy or not.
  for (const [label, target] of [['half load', 'target ≤ 1.3'], ['quarter load', '']] as const) {
    const partCpu = results.value('pipeline', `${label}: machine CPU per order`)
    if (machineCpu && partCpu) results.record('ratio', `machine CPU per order, ${label} / concurrency 50`, '×', [partCpu / machineCpu], target)
  }
  const bare = results.value('http', 'bare: GET /api/docs/init.js rate')
  const catalog = results.value('http', 'catalog: GET /api/products?participating=true rate')
  if (bare && catalog) results.record('ratio', 'catalog / bare route', '×', [catalog / bare], 'target ≥ 0.5')
}

/** Names each profile after the process it came from (node names them by pid). */
function labelProfiles(dir: string, pids: { web: number, workers: number[] }) {
  for (const name of readdirSync(dir)) {
    const pid = Number(/^CPU\.\d+\.\d+\.(\d+)\./.exec(name)?.[1])
    const role = pid === pids.web ? 'web' : pids.workers.includes(pid) ? `worker${pids.workers.indexOf(pid) + 1}` : undefined
    if (role) renameSync(join(dir, name), join(dir, `${role}-${name}`))
  }
}

main().catch((error) => {
  console.error(`[bench] ${(error as Error).message}`)
  process.exit(1)
})
