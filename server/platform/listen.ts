import postgres from 'postgres'

export interface DurableListener {
  /** Resolves once the first LISTEN attempt has settled, whether it succeeded or a retry is under way. */
  ready: Promise<void>
  stop: () => Promise<void>
}

interface ListenHandlers {
  onNotify: (payload: string) => void
  /** Runs each time LISTEN is back after the connection was lost: notifications sent meanwhile were missed. */
  onResubscribed?: () => void
  onError?: (error: unknown) => void
}

/**
 * LISTEN on one channel for the life of the process, through database restarts and terminated
 * sessions. postgres.js's own `listen()` re-issues LISTEN once when its connection drops, and if the
 * database is still away at that moment it drops the listener without a word: notifications stop
 * for good. This keeps its own connection and, whenever that closes, retries LISTEN with backoff
 * until it holds again.
 */
export function listenDurably(url: string, channel: string, applicationName: string, handlers: ListenHandlers): DurableListener {
  let stopped = false
  // Set whenever the connection closes; an attempt that succeeded while it was being lost goes again.
  let lost = false
  let retrying: Promise<void> | undefined
  const options = {
    max: 1,
    // The default lifetime would close the connection (and with it the LISTEN) every half hour or so.
    max_lifetime: null,
    fetch_types: false,
    connect_timeout: 5,
    onnotice: () => {},
    connection: { application_name: applicationName },
    onnotify: (name: string, payload: string) => {
      if (name === channel) handlers.onNotify(payload)
    },
    onclose: () => {
      lost = true
      if (!stopped) void resubscribe()
    },
  }
  // `onnotify` is an option postgres.js honours (its own listen() uses it) but does not declare.
  const sql = postgres(url, options as postgres.Options<Record<string, never>>)
  const listen = () => sql.unsafe(`listen "${channel.replace(/"/g, '""')}"`)

  const resubscribe = () => retrying ??= (async () => {
    for (let attempt = 1; !stopped; attempt++) {
      lost = false
      try {
        await listen()
        if (lost) continue
        handlers.onResubscribed?.()
        return
      }
      catch (error) {
        if (attempt === 1) handlers.onError?.(error)
        await new Promise(resolve => setTimeout(resolve, Math.min(250 * 2 ** attempt, 5000)))
      }
    }
  })().finally(() => {
    retrying = undefined
  })

  const ready = listen().then(() => {}, () => {
    void resubscribe()
  })
  return {
    ready,
    stop: async () => {
      stopped = true
      await sql.end({ timeout: 1 })
    },
  }
}
