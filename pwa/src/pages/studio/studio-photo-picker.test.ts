import { afterEach, describe, expect, it } from 'vitest'
import './studio-photo-picker.ts'
import type { StudioPhotoPicker } from './studio-photo-picker.ts'

const mount = async (photos: Blob[]): Promise<StudioPhotoPicker> => {
  const el = document.createElement('studio-photo-picker')
  el.photos = photos
  el.max = 3
  document.body.append(el)
  await el.updateComplete
  return el
}

const photo = () => new Blob([new Uint8Array([1])], { type: 'image/jpeg' })

afterEach(() => {
  document.body.replaceChildren()
})

describe('<studio-photo-picker>', () => {
  it('should number the thumbnails in send order', async () => {
    const el = await mount([photo(), photo()])
    const captions = [...(el.shadowRoot?.querySelectorAll('figcaption') ?? [])]
    expect(captions.map((c) => c.textContent)).toEqual(['Image 1', 'Image 2'])
  })
  it('should offer the camera and several-at-once pickers until the draft is full', async () => {
    const el = await mount([photo()])
    const inputs = [...(el.shadowRoot?.querySelectorAll('input[type="file"]') ?? [])]
    expect(inputs.map((i) => i.getAttribute('capture'))).toEqual(['environment', null])
    expect(inputs[1]?.hasAttribute('multiple')).toBe(true)
    expect(inputs.some((i) => (i as HTMLInputElement).disabled)).toBe(false)
    el.photos = [photo(), photo(), photo()]
    await el.updateComplete
    expect(inputs.every((i) => (i as HTMLInputElement).disabled)).toBe(true)
  })
  it('should ask to move and remove photos by position', async () => {
    const el = await mount([photo(), photo()])
    const seen: string[] = []
    el.addEventListener('app-studio-photo-move', (e) =>
      seen.push(`move ${e.detail.from}→${e.detail.to}`)
    )
    el.addEventListener('app-studio-photo-remove', (e) => seen.push(`remove ${e.detail.index}`))
    const button = (label: string) =>
      el.shadowRoot?.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)
    expect(button('Move image 1 earlier')?.disabled).toBe(true)
    button('Move image 1 later')?.click()
    button('Remove image 2')?.click()
    expect(seen).toEqual(['move 0→1', 'remove 1'])
  })
  it('should tie its error to the photo group', async () => {
    const el = await mount([])
    el.error = 'Add at least one product photo.'
    await el.updateComplete
    const group = el.shadowRoot?.querySelector('[role="group"]')
    expect(group?.getAttribute('aria-describedby')?.split(' ')).toContain('error')
    expect(el.shadowRoot?.querySelector('#error')?.textContent).toBe(
      'Add at least one product photo.'
    )
  })
})
