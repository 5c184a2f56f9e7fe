/**
 * The checkout: the basket checked against the catalog, the customer's session, a payment
 * authorization (an unused one is picked up again after a reload), and the order's submission, which
 * ends on the order's own page.
 */
export function useCheckout() {
  const basket = useBasketStore()
  const notify = useNotify()
  const { user, fetch: refreshSession } = useUserSession()

  const customerId = computed(() => (user.value?.role === 'customer' ? user.value.customerId : undefined))
  const payment = ref<PaymentView | null>(null)

  const { catalog, problems, checking, refresh: refreshCatalog } = useBasketCatalog('checkout')
  const blocking = computed(() => Object.values(problems.value).some(problem => problem.kind !== 'stock'))

  async function fixBasket() {
    // Asked again first, so that a line added since the last check is not taken for gone.
    await refreshCatalog()
    basket.reconcile(catalog.value)
    notify.success('Basket updated', 'Removed products are gone and prices are current.')
  }

  async function restorePayment() {
    payment.value = null
    if (!customerId.value) return
    try {
      // A payment's orderId is set only once the pipeline claims it, so the orders are asked too.
      const [payments, orders] = await Promise.all([
        $fetch<PaymentView[]>(`/api/customers/${customerId.value}/payments`),
        $fetch<CursorPage<OrderView>>(`/api/customers/${customerId.value}/orders`, { query: { limit: 50 } }),
      ])
      const funding = new Set(orders.items.map(order => order.paymentId))
      // An authorization made while this was loading wins.
      payment.value ??= payments
        .filter(candidate => candidate.status === 'authorized' && !candidate.orderId && !funding.has(candidate.id))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null
    }
    catch {
      // Nothing to restore; the customer authorizes again.
    }
  }
  onMounted(() => {
    watch(customerId, restorePayment, { immediate: true })
  })

  const { signOut } = useAccount()

  // One key per intended order: a double click or a retry after a lost response sends the same key, and
  // the server answers with the same order. A new key only once that order exists, or the request changes.
  const idempotencyKey = ref<string | null>(null)
  watch(() => [basket.lines, payment.value?.id], () => (idempotencyKey.value = null), { deep: true })
  const submitting = ref(false)
  const submitProblem = ref<string>()
  const canSubmit = computed(() => !!customerId.value && !!payment.value && basket.lines.length > 0 && !blocking.value)

  async function submit() {
    if (!canSubmit.value || submitting.value) return
    submitting.value = true
    submitProblem.value = undefined
    idempotencyKey.value ??= crypto.randomUUID()
    try {
      await refreshCatalog()
      if (blocking.value) {
        submitProblem.value = 'The catalog changed: some products were removed or repriced. Review the flagged lines in step 1, then submit again.'
        return
      }
      const order = await $fetch<OrderView>('/api/orders', {
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey.value },
        body: {
          customerId: customerId.value,
          paymentId: payment.value!.id,
          items: basket.lines.map(line => ({ productId: line.productId, quantity: line.quantity })),
        },
      })
      basket.clear()
      payment.value = null
      idempotencyKey.value = null
      // The order's page says it was placed and follows it live: no toast over it.
      await navigateTo(`/orders/${order.id}`)
    }
    catch (error) {
      submitProblem.value = `Could not submit the order: ${errorMessage(error)}`
    }
    finally {
      submitting.value = false
    }
  }

  const submitHint = computed(() => {
    if (!basket.lines.length) return 'Your basket is empty.'
    if (!customerId.value) return 'Register or sign in first (step 2).'
    if (!payment.value) return 'Authorize the payment first (step 3).'
    if (blocking.value) return 'Update the basket first: some lines changed in the catalog.'
    if (payment.value.amount < basket.total) return `The amount authorized (${formatEuros(payment.value.amount)}) is less than the total: the payment will be declined.`
    return undefined
  })

  return {
    basket, user, customerId, payment, problems, checking,
    fixBasket, refreshCatalog, refreshSession, signOut: () => signOut(), submitting, submitProblem, canSubmit, submit, submitHint,
  }
}
