const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g

export interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

/** The samples of a scrape in Prometheus's text format (comments skipped). */
export function parseSamples(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = SAMPLE.exec(line)
    if (!match || line.startsWith('#')) return []
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key!, value!]))
    return [{ name: match[1]!, labels, value: Number(match[3]) }]
  })
}

/** The sum of the samples called `name` whose labels include `labels`; undefined when there is none. */
export function sampleSum(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const matching = samples.filter(sample => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
  return matching.length === 0 ? undefined : matching.reduce((sum, sample) => sum + sample.value, 0)
}
