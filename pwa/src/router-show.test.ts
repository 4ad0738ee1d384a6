import { html, LitElement } from 'lit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Router } from './router.ts'
import { matchRoute } from './routes.ts'

class RouterHost extends LitElement {
  readonly router = new Router(this)

  override render() {
    return html`${this.router.page}`
  }
}
customElements.define('router-show-host', RouterHost)

describe('Router, showing a page', () => {
  afterEach(() => {
    document.body.replaceChildren()
    vi.restoreAllMocks()
  })

  it("should show a page whose element is already defined without waiting for its module's import", async () => {
    const { route } = matchRoute('/privacy')
    await route.load()
    // A later import of an evaluated module still answers a task later, after a frame the page
    // would miss; one that never answers shows whether the router waits for it.
    vi.spyOn(route, 'load').mockReturnValue(new Promise(() => undefined))
    window.history.replaceState(null, '', '/privacy')
    const host = document.createElement('router-show-host') as RouterHost
    document.body.append(host)
    await expect.poll(() => host.router.page?.localName, { timeout: 5_000 }).toBe('page-privacy')
  })
})
