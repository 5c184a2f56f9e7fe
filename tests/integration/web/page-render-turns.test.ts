import { describe, expect, inject, it } from 'vitest'

// Server-rendered pages take turns, two at a time (server/utils/page-render-turns.ts).
describe('server-rendered pages taking turns', () => {
  it('render when requested all at once, and no turn is lost to clients that gave up waiting', async () => {
    const page = `${inject('baseUrl')}/shopping`
    const gaveUp = Array.from({ length: 8 }, () => new AbortController())
    const abandoned = gaveUp.map(controller => fetch(page, { signal: controller.signal }).then(response => response.text()).catch(() => undefined))
    await new Promise(resolve => setTimeout(resolve, 20))
    for (const controller of gaveUp) controller.abort()
    await Promise.all(abandoned)

    // Were a turn kept by a closed connection, these would wait for ever (and time out).
    const pages = await Promise.all(Array.from({ length: 6 }, () => fetch(page)))
    expect(pages.map(response => response.status)).toEqual(Array(6).fill(200))
    expect(await pages[0]!.text()).toContain('</html>')
  })
})
