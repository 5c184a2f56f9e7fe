/** The one look of "are you sure?" before something that cannot be undone (delete, cancel). */
export function useConfirmDanger() {
  const confirm = useConfirm()
  return (options: { header: string, message: string, accept: string, reject?: string, testId: string, run: () => unknown }) =>
    confirm.require({
      header: options.header,
      message: options.message,
      icon: 'pi pi-exclamation-triangle',
      rejectProps: { label: options.reject ?? 'Cancel', severity: 'secondary', text: true },
      acceptProps: { label: options.accept, severity: 'danger', 'data-testid': options.testId },
      accept: options.run,
    })
}
