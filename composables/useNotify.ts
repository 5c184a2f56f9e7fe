/** Toasts with one look across Plaza: short success notes, errors that stay until read. */
export function useNotify() {
  const toast = useToast()
  return {
    success(summary: string, detail?: string) {
      toast.add({ severity: 'success', summary, detail, life: 3000 })
    },
    failure(summary: string, error: unknown) {
      toast.add({ severity: 'error', summary, detail: errorMessage(error), life: 8000 })
    },
  }
}
