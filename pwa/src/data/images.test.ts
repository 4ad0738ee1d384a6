import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiClientError } from './api.ts'
import { downloadImage, generationImageUrl, imageFilename, shareImage } from './images.ts'

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e'
const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' })

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('images', () => {
  it('should point at the owner-only image route', () => {
    expect(generationImageUrl(ID, 2)).toBe(`/api/generations/${ID}/images/2`)
    expect(imageFilename(ID, 0, 'image/png')).toBe('addreams-0f8fad5b-1.png')
  })

  it('should download the image as a named PNG file', async () => {
    const fetch = vi.fn(
      async () => new Response(png(), { headers: { 'content-type': 'image/png' } })
    )
    vi.stubGlobal('fetch', fetch)
    const clicked: { download: string; href: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push({ download: this.download, href: this.href })
    })
    await downloadImage(ID, 0)
    expect(fetch).toHaveBeenCalledWith(generationImageUrl(ID, 0), expect.anything())
    expect(clicked).toHaveLength(1)
    expect(clicked[0]?.download).toBe('addreams-0f8fad5b-1.png')
    expect(clicked[0]?.href).toMatch(/^blob:/)
  })

  it('should fail with NETWORK when the image is neither cached nor reachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline')))
    )
    await expect(downloadImage(ID, 0)).rejects.toMatchObject({ code: 'NETWORK' })
    await expect(downloadImage(ID, 0)).rejects.toBeInstanceOf(ApiClientError)
  })

  it('should share the image as a file where the browser can, and say when it cannot', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(png(), { headers: { 'content-type': 'image/png' } }))
    )
    const share = vi.fn(async (_data: ShareData) => undefined)
    vi.stubGlobal('navigator', { ...navigator, canShare: () => true, share })
    expect(await shareImage(ID, 0, 'Fresh bread')).toBe('shared')
    const files = share.mock.calls[0]?.[0].files ?? []
    expect(files[0]?.name).toBe('addreams-0f8fad5b-1.png')
    expect(files[0]?.type).toBe('image/png')
    vi.stubGlobal('navigator', { ...navigator, canShare: () => false, share })
    expect(await shareImage(ID, 0, 'Fresh bread')).toBe('unsupported')
    expect(share).toHaveBeenCalledOnce()
  })
})
