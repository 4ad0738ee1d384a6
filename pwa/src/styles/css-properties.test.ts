import { html, render } from 'lit'
import { describe, expect, it } from 'vitest'
import { cssProperties } from './css-properties.ts'

describe('cssProperties', () => {
  // Whether a browser under the app's CSP accepts them is e2e/csp.e2e.test.ts's to check: happy-dom
  // writes the style attribute itself when the CSSOM changes.
  it('should set, change and remove the properties through the CSSOM', () => {
    const host = document.createElement('section')
    const view = (props: Record<string, string>) =>
      render(html`<div style=${cssProperties(props)}></div>`, host)
    view({ height: '120px', 'grid-auto-rows': '80px', '--card-info': '3rem' })
    const div = host.querySelector('div') as HTMLDivElement
    expect(div.style.getPropertyValue('height')).toBe('120px')
    expect(div.style.getPropertyValue('grid-auto-rows')).toBe('80px')
    expect(div.style.getPropertyValue('--card-info')).toBe('3rem')

    view({ height: '200px' })
    expect(div.style.getPropertyValue('height')).toBe('200px')
    expect(div.style.getPropertyValue('grid-auto-rows')).toBe('')
    expect(div.style.getPropertyValue('--card-info')).toBe('')
  })

  it('should refuse any place but a whole style attribute', () => {
    expect(() =>
      render(
        html`<div class=${cssProperties({ height: '1px' })}></div>`,
        document.createElement('section')
      )
    ).toThrow(/style attribute/)
  })
})
