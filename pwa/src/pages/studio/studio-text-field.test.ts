import { afterEach, describe, expect, it } from 'vitest'
import './studio-text-field.ts'
import type { StudioTextField } from './studio-text-field.ts'

const mount = async (props: Partial<StudioTextField>): Promise<StudioTextField> => {
  const el = document.createElement('studio-text-field')
  Object.assign(el, { name: 'prompt', label: 'Shoot direction', ...props })
  document.body.append(el)
  await el.updateComplete
  return el
}

const part = (el: StudioTextField, selector: string) =>
  el.shadowRoot?.querySelector(selector) as HTMLElement

afterEach(() => {
  document.body.replaceChildren()
})

describe('<studio-text-field>', () => {
  it('should count code points and never set maxlength', async () => {
    const el = await mount({ value: '😀😀 ', max: 800 })
    expect(part(el, '.counter').textContent).toBe('2/800')
    expect(part(el, 'textarea').hasAttribute('maxlength')).toBe(false)
  })
  it('should colour the counter from the warning count and above the limit', async () => {
    const el = await mount({ value: 'x'.repeat(670), max: 800, warnAt: 670 })
    expect(part(el, '.counter').classList.contains('counter--warning')).toBe(true)
    el.value = 'x'.repeat(801)
    await el.updateComplete
    expect(part(el, '.counter').classList.contains('counter--error')).toBe(true)
  })
  it('should tie its error to the textarea and mark it invalid', async () => {
    const el = await mount({ error: 'Shoot direction is required.' })
    const textarea = part(el, 'textarea')
    expect(textarea.getAttribute('aria-invalid')).toBe('true')
    expect(textarea.getAttribute('aria-describedby')?.split(' ')).toContain('error')
    expect(part(el, '#error').textContent).toBe('Shoot direction is required.')
    expect(part(el, 'label').getAttribute('for')).toBe('input')
  })
  it('should report typing and blur with its name', async () => {
    const el = await mount({})
    const seen: string[] = []
    el.addEventListener('app-studio-field', (e) => seen.push(`${e.detail.name}=${e.detail.value}`))
    el.addEventListener('app-studio-blur', (e) => seen.push(`blur:${e.detail.name}`))
    const textarea = part(el, 'textarea') as HTMLTextAreaElement
    textarea.value = 'A mug'
    textarea.dispatchEvent(new Event('input'))
    textarea.dispatchEvent(new Event('blur'))
    expect(seen).toEqual(['prompt=A mug', 'blur:prompt'])
  })
})
