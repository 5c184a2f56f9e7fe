/**
 * Keeps a list of orders current: one EventSource per order that can still change
 * (GET /api/orders/:id/live sends the state now and after every change). The browser reconnects by
 * itself and the server sends the current state first, so nothing is missed across a drop.
 * Sources close when their order reaches a final state, when it leaves the list, and on unmount.
 * A browser keeps at most six connections to a server over HTTP/1.1, and each source holds one, so a
 * list follows only the orders `follow` picks, at most `max` of them (the first in the list).
 */
export function useLiveOrders(orders: Ref<OrderView[]>, options: { follow?: (order: OrderView) => boolean, max?: number } = {}) {
  const follow = options.follow ?? isLive
  const max = options.max ?? 3
  const sources = new Map<string, EventSource>()
  const connected = ref(new Set<string>())

  function apply(next: OrderView) {
    const current = orders.value.find(order => order.id === next.id)
    if (current && current.version >= next.version) return
    orders.value = orders.value.map(order => (order.id === next.id ? next : order))
  }

  function setConnected(id: string, on: boolean) {
    const next = new Set(connected.value)
    if (on) next.add(id)
    else next.delete(id)
    connected.value = next
  }

  function open(id: string) {
    const source = new EventSource(`/api/orders/${id}/live`)
    source.addEventListener('order', (message) => {
      try {
        apply(JSON.parse((message as MessageEvent<string>).data) as OrderView)
      }
      catch {
        // A malformed frame is skipped; the next change sends the whole state again.
      }
    })
    source.onopen = () => setConnected(id, true)
    source.onerror = () => setConnected(id, false)
    sources.set(id, source)
  }

  function close(id: string) {
    sources.get(id)?.close()
    sources.delete(id)
    setConnected(id, false)
  }

  function sync() {
    const wanted = new Set(orders.value.filter(follow).slice(0, max).map(order => order.id))
    for (const id of [...sources.keys()]) if (!wanted.has(id)) close(id)
    for (const id of wanted) if (!sources.has(id)) open(id)
  }

  onMounted(() => {
    watch(orders, sync, { immediate: true })
  })
  onBeforeUnmount(() => {
    for (const id of [...sources.keys()]) close(id)
  })

  return { connected, apply }
}
