import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { median, round } from './stats'

export interface Metric {
  scenario: string
  name: string
  unit: string
  /** Median of the samples. */
  value: number
  /** One value per repetition, in the order they ran. */
  samples: number[]
  note?: string
}

/** Collects metrics as scenarios run; prints them as a table and writes them as JSON. */
export class Results {
  readonly metrics: Metric[] = []

  record(scenario: string, name: string, unit: string, samples: number[], note?: string): Metric {
    const metric = { scenario, name, unit, value: median(samples), samples, ...(note ? { note } : {}) }
    this.metrics.push(metric)
    return metric
  }

  /** The median of a metric recorded earlier in this run, for ratios. */
  value(scenario: string, name: string): number | undefined {
    return this.metrics.find(metric => metric.scenario === scenario && metric.name === name)?.value
  }

  table(): string {
    const rows = this.metrics.map(metric => [
      metric.scenario,
      metric.name,
      format(metric.value),
      metric.unit,
      metric.samples.length > 1 ? metric.samples.map(format).join(' / ') : '',
      metric.note ?? '',
    ])
    const header = ['scenario', 'metric', 'median', 'unit', 'runs', 'note']
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => row[column]!.length)))
    const line = (cells: string[]) => `| ${cells.map((cell, column) => column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)).join(' | ')} |`
    return [line(header), `|${widths.map((width, column) => column === 2 ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n')
  }

  write(dir: string, meta: Record<string, unknown>): string {
    mkdirSync(dir, { recursive: true })
    const path = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
    writeFileSync(path, `${JSON.stringify({ ...meta, metrics: this.metrics }, null, 2)}\n`)
    return path
  }
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  return String(round(value, Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2))
}
