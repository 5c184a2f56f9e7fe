import { describe, expect, it } from 'vitest'
import { compileTheme } from '../../../modules/primevue-stylesheet'

// The stylesheet must hold what PrimeVue would otherwise write into the page in the browser, since
// the browser is told those styles are loaded already.
const STYLE_MODULES = ['@primevue/core/base/style', '@primevue/core/basecomponent/style', 'primevue/button/style', 'primevue/datatable/style', '@primevue/icons/baseicon/style']

describe('the PrimeVue theme compiled at build time', async () => {
  const { css, names } = await compileTheme(STYLE_MODULES)

  it('holds the tokens, with the light primary at shade 700 and the dark scheme under .dark', () => {
    expect(css).toContain('--p-primary-color:var(--p-primary-700)')
    expect(css).toMatch(/\.dark\{[^}]*--p-primary-color:var\(--p-primary-400\)/)
  })

  it('keeps the themed styles in the primevue layer, and the structural ones outside it', () => {
    expect(css).toMatch(/@layer primevue\{\s*\.p-button \{/)
    expect(css).toMatch(/(^|\n)\s*\.p-hidden-accessible \{/)
    expect(css).toMatch(/(^|\n)\s*\.p-icon \{/)
  })

  it("includes the preset's own CSS, which PrimeVue adds only in the browser", () => {
    expect(css).toMatch(/th\.p-datatable-header-cell,[^{]*\{\s*transition: none;/)
    expect(css).toContain('.p-datatable-mask.p-overlay-mask')
  })

  it('names every style it holds, for the browser to mark as loaded', () => {
    expect(names).toEqual(expect.arrayContaining(['common', 'layer-order', 'button', 'datatable', 'baseicon']))
  })
})
