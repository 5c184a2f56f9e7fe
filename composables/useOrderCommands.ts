/** The customer's and the admin's order commands. Each returns the new state or throws the API error. */
export function useOrderCommands() {
  return {
    pay: (id: string) => $fetch<OrderView>(`/api/orders/${id}/pay`, { method: 'POST' }),
    cancel: (id: string) => $fetch<OrderView>(`/api/orders/${id}/cancel`, { method: 'POST' }),
  }
}
