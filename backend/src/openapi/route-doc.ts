import type { ApiErrorCode } from '@app/shared-types'
import type * as z from 'zod'

/** How one route is described in the OpenAPI document; each routes file exports its own list. */
export type RouteDoc = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** OpenAPI path, with `{param}` placeholders. */
  path: string
  summary: string
  tag: string
  /** Needs a signed-in session. */
  auth?: boolean
  query?: z.ZodObject
  pathParams?: z.ZodObject
  headers?: z.ZodObject
  body?: { contentType: string; schema: z.ZodType }
  /** Success answers by status. A response without a schema has no JSON body (e.g. bytes). */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>
  /** The error codes this route may answer with, each rendered as the shared envelope. */
  errors: ApiErrorCode[]
}
