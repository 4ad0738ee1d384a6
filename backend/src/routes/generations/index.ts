import {
  createGenerationResponseSchema,
  generationListQuerySchema,
  generationPageSchema,
  generationSchema,
} from '@app/shared-types'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import * as z from 'zod'
import { ApiError } from '../../lib/api-error.ts'
import { validate } from '../../lib/validator.ts'
import {
  type AuthedEnv,
  requireSession,
  requireVerifiedEmail,
} from '../../middleware/require-session.ts'
import { sessionRead } from '../../middleware/session-read.ts'
import { trustedOrigin } from '../../middleware/trusted-origin.ts'
import type { RouteDoc } from '../../openapi/route-doc.ts'
import { cancelGeneration, deleteGeneration } from '../../services/change-generation.ts'
import { createGeneration } from '../../services/create-generation.ts'
import { listGenerationsPlan, readGenerationPlan } from '../../services/read-generations.ts'
import { readIdempotencyKey, readUpload } from './read-upload.ts'
import { serveImage } from './serve-image.ts'

const idParams = z.object({ id: z.uuid() })
const imageParams = z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(5) })

/** Generations: create (with credits), read, cancel, delete, and the owner's images. */
export const generations = new Hono<AuthedEnv>()
  .use(trustedOrigin())
  .post(
    '/',
    requireSession(),
    requireVerifiedEmail(),
    // Three 10 MB photos and the JSON part, with room for multipart framing.
    bodyLimit({
      maxSize: 32 * 1024 * 1024,
      onError: () => {
        throw new ApiError('PAYLOAD_TOO_LARGE', 'The upload is larger than 32 MB')
      },
    }),
    async (c) => {
      const id = readIdempotencyKey(c.req.header('idempotency-key'))
      const { request, references } = await readUpload(c.req.raw)
      const { config, db, session } = c.var
      const result = await createGeneration(
        {
          db,
          bucket: c.env.BUCKET,
          queue: c.env.GENERATION_QUEUE,
          models: config.models,
          simulated: config.imageProvider === 'simulator',
          perMinute: config.generationsPerMinute,
          leaseMs: config.generationLeaseSeconds * 1000,
        },
        session.user.id,
        id,
        request,
        references
      )
      return c.json(
        { generation: result.generation, balances: result.balances },
        result.replayed ? 200 : 202
      )
    }
  )
  .get('/', sessionRead(), validate('query', generationListQuerySchema), async (c) => {
    const query = c.req.valid('query')
    const { result } = await c.var.readAsUser((userId) =>
      listGenerationsPlan(c.var.db, userId, query)
    )
    return c.json(result)
  })
  .get('/:id', sessionRead(), validate('param', idParams), async (c) => {
    const { id } = c.req.valid('param')
    const { result } = await c.var.readAsUser((userId) => readGenerationPlan(c.var.db, userId, id))
    return c.json(result)
  })
  .post('/:id/cancel', requireSession(), validate('param', idParams), async (c) =>
    c.json(await cancelGeneration(c.var.db, c.var.session.user.id, c.req.valid('param').id))
  )
  .delete('/:id', requireSession(), validate('param', idParams), async (c) => {
    await deleteGeneration(
      { db: c.var.db, bucket: c.env.BUCKET },
      c.var.session.user.id,
      c.req.valid('param').id
    )
    return c.body(null, 204)
  })
  .get('/:id/images/:index', sessionRead(), validate('param', imageParams), (c) =>
    serveImage(
      { db: c.var.db, bucket: c.env.BUCKET, readAsUser: c.var.readAsUser, request: c.req.raw },
      { ...c.req.valid('param'), kind: 'output' }
    )
  )
  .get('/:id/references/:index', sessionRead(), validate('param', imageParams), (c) =>
    serveImage(
      { db: c.var.db, bucket: c.env.BUCKET, readAsUser: c.var.readAsUser, request: c.req.raw },
      { ...c.req.valid('param'), kind: 'reference' }
    )
  )

const doc = (d: Omit<RouteDoc, 'tag' | 'auth'>): RouteDoc => ({
  ...d,
  tag: 'generations',
  auth: true,
})
const base = ['UNAUTHENTICATED', 'VALIDATION_FAILED'] as const

export const generationsDocs: RouteDoc[] = [
  doc({
    method: 'post',
    path: '/api/generations',
    summary:
      'Request a generation; charges n credits of its workflow. Idempotent per Idempotency-Key.',
    headers: z.object({ 'Idempotency-Key': z.uuid() }),
    body: {
      contentType: 'multipart/form-data',
      schema: z.object({
        request: z
          .string()
          .describe('JSON of the generation request (shared-types generationRequestSchema)'),
        reference: z.array(z.string().describe('binary image file')).max(3).optional(),
      }),
    },
    responses: {
      200: {
        description: 'A replay of an accepted request: the same generation, no new charge',
        schema: createGenerationResponseSchema,
      },
      202: { description: 'Accepted and queued', schema: createGenerationResponseSchema },
    },
    errors: [
      ...base,
      'FORBIDDEN',
      'INVALID_IMAGE',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'IDEMPOTENCY_KEY_REUSED',
      'OUT_OF_CREDITS',
      'EMAIL_NOT_VERIFIED',
      'RATE_LIMITED',
    ],
  }),
  doc({
    method: 'get',
    path: '/api/generations',
    summary: 'My generations, newest first',
    query: generationListQuerySchema,
    responses: { 200: { description: 'One page', schema: generationPageSchema } },
    errors: [...base],
  }),
  doc({
    method: 'get',
    path: '/api/generations/{id}',
    summary: 'One of my generations',
    pathParams: idParams,
    responses: { 200: { description: 'The generation', schema: generationSchema } },
    errors: [...base, 'NOT_FOUND'],
  }),
  doc({
    method: 'post',
    path: '/api/generations/{id}/cancel',
    summary: 'Cancel a queued generation; its credits are returned',
    pathParams: idParams,
    responses: { 200: { description: 'Canceled', schema: generationSchema } },
    errors: [...base, 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),
  doc({
    method: 'delete',
    path: '/api/generations/{id}',
    summary:
      'Delete a generation and its images (spent credits are not returned); repeating it is harmless',
    pathParams: idParams,
    responses: { 204: { description: 'Deleted' } },
    errors: [...base, 'FORBIDDEN', 'NOT_FOUND'],
  }),
  ...(['images', 'references'] as const).map((kind) =>
    doc({
      method: 'get',
      path: `/api/generations/{id}/${kind}/{index}`,
      summary:
        kind === 'images' ? 'One result image (owner only)' : 'One reference photo (owner only)',
      pathParams: imageParams,
      responses: {
        200: {
          description: 'The image bytes (never kept in the HTTP cache)',
          schema: z.string().describe('binary'),
          contentType: 'image/*',
        },
        304: { description: 'Not modified (If-None-Match)' },
      },
      errors: [...base, 'NOT_FOUND'],
    })
  ),
]
