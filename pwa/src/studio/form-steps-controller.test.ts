import { html, LitElement } from 'lit'
import { afterEach, describe, expect, it } from 'vitest'
import { FormStepsController } from './form-steps-controller.ts'
import type { FieldErrors } from './validate.ts'

/** A stand-in studio: the fields the controller looks up by id, and the step title. */
class StepsHost extends LitElement {
  errors: FieldErrors = {}
  left = 0
  readonly steps = new FormStepsController(
    this,
    () => 'ad-graphic',
    () => this.errors,
    () => {
      this.left++
    }
  )

  override render() {
    return html`<h2 id="step-title" tabindex="-1">Step ${this.steps.step}</h2>
      <textarea id="prompt"></textarea>
      <details ?open=${this.steps.advancedOpen}><input id="seed" /></details>`
  }
}
customElements.define('test-steps-host', StepsHost)

const mount = async (errors: FieldErrors, step = 0): Promise<StepsHost> => {
  const host = document.createElement('test-steps-host') as StepsHost
  host.errors = errors
  host.steps.step = step
  document.body.append(host)
  await host.updateComplete
  return host
}

const focusedId = (host: StepsHost) => host.shadowRoot?.activeElement?.id

afterEach(() => {
  document.body.replaceChildren()
})

describe('FormStepsController', () => {
  it('should show an error only once its field was checked, then keep it live', async () => {
    const host = await mount({ prompt: 'Too long', seed: 'Not a number' })
    expect(host.steps.error('prompt')).toBe('')
    expect(host.steps.showIfInvalid(['prompt'])).toBe(true)
    expect(host.steps.error('prompt')).toBe('Too long')
    expect(host.steps.error('seed')).toBe('')
    host.errors = { prompt: 'Still too long' }
    expect(host.steps.showIfInvalid([])).toBe(false)
    expect(host.steps.error('prompt')).toBe('Still too long')
  })

  it('should stay on the step and focus its invalid field when Next fails', async () => {
    const host = await mount({ prompt: 'Too long' })
    await host.steps.next()
    expect(host.steps.step).toBe(0)
    expect(focusedId(host)).toBe('prompt')
    expect(host.left).toBe(0)
  })

  it('should go on and focus the new step title when the step is valid', async () => {
    const host = await mount({ seed: 'Not a number' })
    await host.steps.next()
    expect(host.steps.step).toBe(1)
    expect(focusedId(host)).toBe('step-title')
    expect(host.left).toBe(1)
  })

  it('should jump back on Generate to the first step with an error and open Advanced for it', async () => {
    const host = await mount({ seed: 'Not a number' }, 2)
    expect(await host.steps.stopAtFirstError()).toBe(true)
    expect(host.steps.step).toBe(1)
    expect(host.steps.advancedOpen).toBe(true)
    expect(focusedId(host)).toBe('seed')
    expect(host.steps.error('seed')).toBe('Not a number')
  })

  it('should let Generate through when nothing is invalid', async () => {
    const host = await mount({}, 2)
    expect(await host.steps.stopAtFirstError()).toBe(false)
    expect(host.steps.step).toBe(2)
  })
})
