// The admin's pipeline panel as GET /api/pipeline sends it.

export interface ConsumerHealthView {
  name: string
  durable: string
  exists: boolean
  /** Not yet delivered. */
  pending: number
  /** Delivered, not yet acknowledged. */
  inFlight: number
  redelivered: number
}

export interface DeadLetterView {
  id: string
  consumer: string
  subject: string
  messageId: string | null
  payload: string
  reason: string
  deliveries: number
  createdAt: string
  redrivenAt: string | null
}

export interface PipelineHealthView {
  stream: string
  natsReachable: boolean
  consumers: ConsumerHealthView[]
  outbox: { unpublished: number, oldestSeconds: number | null }
  deadLetters: DeadLetterView[]
}
