import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string, url: string, lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const label = (frame: ProfileNode['callFrame']) => {
  const file = frame.url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '')
  return `${frame.functionName || '(anonymous)'} ${file ? `${file.split('/').slice(-3).join('/')}:${frame.lineNumber + 1}` : ''}`.trim()
}

/** Plaza's own code: the worker's bundle, the server bundle's route and module chunks. */
const isOwnCode = (url: string) => /\.output\/(worker\/|server\/chunks\/(?!nitro\/))/.test(url)

/**
 * A .cpuprofile (node --cpu-prof) as text: busy time, the functions with the most self time, and
 * Plaza's own functions with the most total (inclusive) time. Percentages are of busy (non-idle) time.
 */
export function summarizeProfile(path: string, count = 12): string[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map(node => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let busy = 0
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0
    const key = label(byId.get(id)!.callFrame)
    if (key === '(idle)') return
    busy += delta
    self.set(key, (self.get(key) ?? 0) + delta)
    const seen = new Set<string>()
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const frame = byId.get(node)!.callFrame
      const name = label(frame)
      if (!isOwnCode(frame.url) || seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta)
    }
  })
  const lines = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([key, micros]) => `  ${(micros / 1000).toFixed(0).padStart(7)} ms ${((micros / busy) * 100).toFixed(1).padStart(5)}%  ${key}`)
  return [`busy ${(busy / 1000).toFixed(0)} ms`, 'self time:', ...lines(self), 'total time, Plaza code:', ...lines(inclusive)]
}

/** Summaries of every profile in a folder. */
export function summarizeProfiles(dir: string, count = 12): string {
  return readdirSync(dir).filter(name => name.endsWith('.cpuprofile')).sort()
    .map(name => `${name}\n${summarizeProfile(join(dir, name), count).join('\n')}`).join('\n\n')
}
