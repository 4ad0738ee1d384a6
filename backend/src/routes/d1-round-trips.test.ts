import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { signUp } from '../../test/accounts.ts'
import { countingD1 } from '../../test/counting-d1.ts'
import { adGraphic, postGeneration } from '../../test/generations.ts'
import { app } from '../index.ts'

const counted = countingD1(env.DB)
const countedEnv = { ...env, DB: counted.db }
const get = (path: string, cookie: string) => app.request(path, { headers: { cookie } }, countedEnv)

/** A verified user with one generation, already settled in this isolate (welcome credits). */
const userWithGeneration = async () => {
  const { cookie } = await signUp()
  const id = crypto.randomUUID()
  expect((await postGeneration(cookie, adGraphic(), { key: id })).status).toBe(202)
  expect((await get('/api/me', cookie)).status).toBe(200)
  counted.take()
  return { cookie, id }
}

describe('D1 round trips of authenticated reads', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it.each([
    '/api/generations',
    '/api/sync?cursor=0',
    '/api/me',
    '/api/generations/:id',
    '/api/credits/ledger',
  ])('should answer GET %s in one D1 round trip', async (path) => {
    const { cookie, id } = await userWithGeneration()
    const res = await get(path.replace(':id', id), cookie)
    expect(res.status, await res.clone().text()).toBe(200)
    expect(counted.take()).toBe(1)
  })

  it.each(['images', 'references'])(
    'should look up a stored %s row and the session in one D1 round trip',
    async (kind) => {
      const { cookie, id } = await userWithGeneration()
      // An ad graphic has neither a result yet nor references: the lookup answers 404.
      const res = await get(`/api/generations/${id}/${kind}/0`, cookie)
      expect(res.status).toBe(404)
      expect(counted.take()).toBe(1)
    }
  )

  it('should refuse an image to a signed-out request without reading its row', async () => {
    const { id } = await userWithGeneration()
    const res = await get(`/api/generations/${id}/images/0`, 'addreams.session_token=forged.sig')
    expect(res.status).toBe(401)
    expect(counted.take()).toBe(0)
  })

  it('should log each request’s D1 round trips as counted at the binding', async () => {
    const { cookie, id } = await userWithGeneration()
    const log = vi.spyOn(console, 'log')
    for (const path of ['/api/me', `/api/generations/${id}/images/0`, '/api/credits/ledger']) {
      log.mockClear()
      await get(path, cookie)
      const line = log.mock.calls.map(([text]) => JSON.parse(String(text))).at(-1)
      expect(line, path).toMatchObject({ msg: 'request', d1Trips: counted.take() })
    }
  })
})
