import { publicConfigSchema } from '@app/shared-types'
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import type { RouteDoc } from '../openapi/route-doc.ts'
import { buildPublicConfig } from '../services/public-config.ts'

/** The public configuration the UI needs before sign-in. */
export const config = new Hono<AppEnv>().get('/', (c) => {
  c.header('Cache-Control', 'no-cache')
  return c.json(buildPublicConfig(c.var.config))
})

export const configDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/config',
    summary: 'Public configuration: sign-in methods, the model table, limits',
    tag: 'config',
    responses: { 200: { description: 'The public config', schema: publicConfigSchema } },
    errors: ['SERVER_MISCONFIGURED'],
  },
]
