import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onProcessExit } from './process-exit'
import { freePort } from './server'
import { spawnLogged } from './spawn-logged'

/** The machine's nats-server (2.9.10 on the development machines); override with PLAZA_TEST_NATS_SERVER. */
const NATS_SERVER = process.env.PLAZA_TEST_NATS_SERVER ?? '/usr/sbin/nats-server'
const CLUSTER_NAME = 'plaza_test'

export interface ClusterNode {
  /** server_name, as JetStream reports leaders and replicas. */
  name: string
  clientUrl: string
  monitorUrl: string
  output: () => string
  alive: () => boolean
  /** SIGKILL: no lame-duck mode, no leadership hand-over. */
  kill: () => Promise<void>
}

export interface NatsCluster {
  /** Every node's client URL, comma-separated: what NATS_URL takes. */
  url: string
  nodes: ClusterNode[]
  node: (name: string) => ClusterNode
  /** Stops every node still running and removes the store directories. */
  stop: () => Promise<void>
}

interface Ports { client: number, cluster: number, monitor: number }

function nodeConfig(name: string, ports: Ports, peers: Ports[], storeDir: string): string {
  return `server_name: ${name}
listen: 127.0.0.1:${ports.client}
http: 127.0.0.1:${ports.monitor}
jetstream {
  store_dir: "${storeDir}"
}
cluster {
  name: ${CLUSTER_NAME}
  listen: 127.0.0.1:${ports.cluster}
  routes: [${peers.map(peer => `nats-route://127.0.0.1:${peer.cluster}`).join(', ')}]
}
`
}

/** The JetStream meta leader as one node sees it, or undefined while there is none (or the node is down). */
async function metaLeader(node: ClusterNode): Promise<string | undefined> {
  try {
    const response = await fetch(`${node.monitorUrl}/jsz`)
    if (!response.ok) return undefined
    const jsz = await response.json() as { meta_cluster?: { leader?: string, cluster_size?: number } }
    return jsz.meta_cluster?.leader || undefined
  }
  catch {
    return undefined
  }
}

/** Waits until every running node names the same JetStream meta leader: the cluster can create streams. */
export async function waitForMetaLeader(cluster: NatsCluster, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const leaders = await Promise.all(cluster.nodes.filter(node => node.alive()).map(metaLeader))
    if (leaders.length > 0 && leaders[0] && leaders.every(leader => leader === leaders[0])) return leaders[0]
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(`The NATS cluster elected no JetStream meta leader within ${timeoutMs} ms:\n${cluster.nodes.map(node => node.output().slice(-2000)).join('\n')}`)
}

/**
 * Starts a JetStream cluster of `size` nodes from the machine's nats-server, each on ports and a
 * store directory of its own, routed to each other, and waits until they have a meta leader.
 */
export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'plaza-nats-cluster-'))
  const ports: Ports[] = []
  for (let i = 0; i < size; i++) ports.push({ client: await freePort(), cluster: await freePort(), monitor: await freePort() })
  const nodes: ClusterNode[] = []
  const stops: (() => Promise<void>)[] = []
  const killsOnExit: (() => void)[] = []
  for (const [index, own] of ports.entries()) {
    const name = `n${index + 1}`
    const configPath = join(dir, `${name}.conf`)
    writeFileSync(configPath, nodeConfig(name, own, ports.filter(other => other !== own), join(dir, name)))
    const { child, output, exited } = spawnLogged(name, NATS_SERVER, ['-c', configPath])
    const alive = () => child.exitCode === null && child.signalCode === null
    killsOnExit.push(() => child.kill('SIGKILL'))
    const signal = async (kind: NodeJS.Signals) => {
      if (alive()) child.kill(kind)
      await exited
    }
    stops.push(async () => {
      const force = setTimeout(() => child.kill('SIGKILL'), 5000)
      await signal('SIGTERM')
      clearTimeout(force)
    })
    nodes.push({ name, clientUrl: `nats://127.0.0.1:${own.client}`, monitorUrl: `http://127.0.0.1:${own.monitor}`, output, alive, kill: () => signal('SIGKILL') })
  }
  // The safety net for a run that crashes before stop(): no node or store directory left behind.
  const removeOnExit = onProcessExit(() => {
    for (const kill of killsOnExit) kill()
    rmSync(dir, { recursive: true, force: true })
  })
  const cluster: NatsCluster = {
    url: nodes.map(node => node.clientUrl).join(','),
    nodes,
    node: name => nodes.find(node => node.name === name) ?? (() => { throw new Error(`no node ${name} in the cluster`) })(),
    stop: async () => {
      removeOnExit()
      await Promise.all(stops.map(stop => stop()))
      rmSync(dir, { recursive: true, force: true })
    },
  }
  try {
    await waitForMetaLeader(cluster)
  }
  catch (error) {
    await cluster.stop()
    throw error
  }
  return cluster
}
