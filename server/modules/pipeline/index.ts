// The pipeline module's public door: the health of the consumers and the outbox, and the dead letters.
export { consumerHealth, outboxLag, pipelineHealth, type ConsumerHealth } from './queries/pipeline-health'
export { recordDeadLetter, countDeadLetters } from './adapters/dead-letters.pg'
export { redriveDeadLetter } from './commands/redrive-dead-letter'
