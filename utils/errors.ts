/** The message an API error carries (`{ message }` from the server), or a plain fallback. */
export function errorMessage(error: unknown): string {
  const data = (error as { data?: { message?: unknown } } | null)?.data
  if (data && typeof data.message === 'string' && data.message) return data.message
  // ofetch's own text for a lost connection ("[POST] "/api/orders": <no response> Failed to fetch").
  if ((error as { name?: string, response?: unknown } | null)?.name === 'FetchError' && !(error as { response?: unknown }).response) {
    return 'The server did not answer. Check your connection and try again.'
  }
  if (error instanceof Error && error.message) return error.message
  return 'Something went wrong'
}

/** The field messages of a 400 response, keyed by field name, for inline display in a form. */
export function fieldIssues(error: unknown): Record<string, string> {
  const issues = (error as { data?: { data?: { issues?: { path: string, message: string }[] } } } | null)?.data?.data?.issues ?? []
  return Object.fromEntries(issues.filter(issue => issue.path).map(issue => [issue.path, issue.message]))
}
