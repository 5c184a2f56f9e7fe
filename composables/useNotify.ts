import type { ToastMessageOptions } from 'primevue/toast'

/** The toasts on screen, oldest first: at most MAX_SHOWN, so they never pile up over the page. */
const shown: ToastMessageOptions[] = []
const MAX_SHOWN = 2

/**
 * Toasts with one look across Plaza: short notes of something done, out of the way (app.vue places
 * them). A failure a form or a button can show beside itself belongs there instead (FormProblem).
 */
export function useNotify() {
  const toast = useToast()
  function show(message: ToastMessageOptions) {
    // The oldest go first, then the new one comes (a toast that already timed out is gone, and
    // removing it again does nothing).
    while (shown.length >= MAX_SHOWN) toast.remove(shown.shift()!)
    toast.add(message)
    shown.push(message)
  }
  return {
    success(summary: string, detail?: string) {
      show({ severity: 'success', summary, detail, life: 2500 })
    },
    failure(summary: string, error: unknown) {
      show({ severity: 'error', summary, detail: errorMessage(error), life: 6000 })
    },
    /** Clears every toast: a drawer or dialog that opens says more than they did, and would cover them. */
    dismissAll() {
      toast.removeAllGroups()
      shown.length = 0
    },
  }
}
