import { env } from 'cloudflare:workers'
import { MODELS, publicConfigSchema } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { call } from '../../test/api.ts'
import { app } from '../index.ts'

describe('GET /api/config', () => {
  it('should list email sign-in only and the default models when nothing else is configured', async () => {
    const res = await call('/api/config')
    expect(res.status).toBe(200)
    const config = publicConfigSchema.parse(await res.json())
    expect(config.auth).toEqual({
      emailPassword: true,
      google: false,
      github: false,
      emailVerification: true,
    })
    expect(config.workflows['ad-graphic'].model).toEqual(MODELS['qwen-image-max'])
    expect(config.workflows['product-shoot'].model).toEqual(MODELS['qwen-image-edit-max'])
    expect(config.imageProvider).toBe('simulator')
    expect(config.sizePresets.map((p) => p.value)).toContain('1328*1328')
  })

  it('should enable a social provider only when its id and secret are both set', async () => {
    const withGoogle = { ...env, GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret' }
    const google = publicConfigSchema.parse(
      await (await app.request('/api/config', {}, withGoogle)).json()
    )
    expect(google.auth.google).toBe(true)
    const halfGithub = { ...env, GITHUB_CLIENT_ID: 'id' }
    const github = publicConfigSchema.parse(
      await (await app.request('/api/config', {}, halfGithub)).json()
    )
    expect(github.auth.github).toBe(false)
  })

  it('should follow the configured model of a workflow', async () => {
    const plus = { ...env, AD_GRAPHIC_MODEL: 'qwen-image-plus' }
    const config = publicConfigSchema.parse(
      await (await app.request('/api/config', {}, plus)).json()
    )
    expect(config.workflows['ad-graphic'].model.asyncApi).toBe(true)
  })
})
