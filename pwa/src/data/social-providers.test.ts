import { afterEach, describe, expect, it, vi } from 'vitest'
import { readSocialProviders } from './social-providers.ts'

const answer = (body: unknown): void => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(JSON.stringify(body))))
  )
}

describe('readSocialProviders', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('should list the providers the config enables, in the shared order', async () => {
    answer({ auth: { emailPassword: true, github: true, google: true } })
    expect(await readSocialProviders()).toEqual(['google', 'github'])
    answer({ auth: { emailPassword: true, google: false, github: true } })
    expect(await readSocialProviders()).toEqual(['github'])
  })

  it('should offer none when none is enabled or the answer is not a config', async () => {
    answer({ auth: { emailPassword: true, google: false, github: false } })
    expect(await readSocialProviders()).toEqual([])
    answer({ auth: { google: 'yes' } })
    expect(await readSocialProviders()).toEqual([])
    answer(null)
    expect(await readSocialProviders()).toEqual([])
  })

  it('should fail offline, so the sign-in page shows no provider it cannot reach', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline')))
    )
    await expect(readSocialProviders()).rejects.toMatchObject({ code: 'NETWORK' })
  })
})
