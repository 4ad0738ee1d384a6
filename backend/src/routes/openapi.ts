import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { buildOpenApiDocument } from '../openapi/document.ts'

/** The OpenAPI 3.1 document, generated from the shared schemas at request time. */
export const openapi = new Hono<AppEnv>().get('/', (c) =>
  c.json(buildOpenApiDocument(new URL(c.req.url).origin))
)
