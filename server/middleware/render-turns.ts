import { isPageRequest, pageRenderTurns } from '../utils/page-render-turns'

/**
 * Server-rendered pages take turns (utils/page-render-turns.ts). The turn ends when the response is
 * done or its connection is gone, also when that happens while the request still waits for it.
 */
export default defineEventHandler(async (event) => {
  if (!isPageRequest(event)) return
  let closed = false
  let endTurn: (() => void) | undefined
  event.node.res.once('close', () => {
    closed = true
    endTurn?.()
  })
  endTurn = await pageRenderTurns.take()
  if (closed) endTurn()
})
