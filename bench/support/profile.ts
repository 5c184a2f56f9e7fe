import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string, url: string, lineNumber: number }
  hitCount?: number
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

/** The functions with the most self time in a .cpuprofile (node --cpu-prof), as text lines. */
export function topFunctions(path: string, count = 15): string[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
  const byNode = new Map(profile.nodes.map(node => [node.id, node]))
  const self = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0
    const frame = byNode.get(id)!.callFrame
    const file = frame.url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '')
    const key = `${frame.functionName || '(anonymous)'} ${file ? `${file.split('/').slice(-3).join('/')}:${frame.lineNumber + 1}` : ''}`.trim()
    self.set(key, (self.get(key) ?? 0) + delta)
    total += delta
  })
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([key, micros]) => `${(micros / 1000).toFixed(0).padStart(7)} ms ${((micros / total) * 100).toFixed(1).padStart(5)}%  ${key}`)
}

/** Summaries of every profile in a folder, newest names first. */
export function summarizeProfiles(dir: string, count = 15): string {
  return readdirSync(dir).filter(name => name.endsWith('.cpuprofile')).sort()
    .map(name => `${name}\n${topFunctions(join(dir, name), count).join('\n')}`).join('\n\n')
}
