import { hostname } from 'node:os'
import { config } from './config'

/**
 * The name this process records beside the messages it handles and publishes: PLAZA_WORKER_ID, or
 * host name and pid (a container's host name is its id, so replicas differ without configuration).
 */
export function workerIdentity(): string {
  return config().PLAZA_WORKER_ID ?? `${hostname()}-${process.pid}`
}
