import { API_ERRORS, type ApiErrorCode, apiErrorBodySchema } from '@app/shared-types'
import * as z from 'zod'
import { configDocs } from '../routes/config.ts'
import { creditsDocs } from '../routes/credits.ts'
import { generationsDocs } from '../routes/generations/index.ts'
import { healthDocs } from '../routes/health.ts'
import { meDocs } from '../routes/me.ts'
import { paymentsDocs } from '../routes/payments.ts'
import { purchasesDocs } from '../routes/purchases.ts'
import { syncDocs } from '../routes/sync.ts'
import { authDocs } from './auth-docs.ts'
import type { RouteDoc } from './route-doc.ts'

/** Every documented route; a test checks it against the routes the app really has. */
export const routeDocs: RouteDoc[] = [
  ...healthDocs,
  ...configDocs,
  ...authDocs,
  ...meDocs,
  ...creditsDocs,
  ...purchasesDocs,
  ...paymentsDocs,
  ...generationsDocs,
  ...syncDocs,
]

type JsonSchema = Record<string, unknown>

const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  })
  return rest
}

const parameters = (doc: RouteDoc) => {
  const list: JsonSchema[] = []
  const add = (where: 'query' | 'path' | 'header', object: z.ZodObject | undefined) => {
    if (!object) return
    const json = toJsonSchema(object, 'input') as {
      properties?: Record<string, JsonSchema>
      required?: string[]
    }
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema,
      })
    }
  }
  add('path', doc.pathParams)
  add('query', doc.query)
  add('header', doc.headers)
  return list
}

const errorResponses = (codes: ApiErrorCode[]) => {
  const byStatus = new Map<number, ApiErrorCode[]>()
  for (const code of codes) {
    const status = API_ERRORS[code].status
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.join(', '),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
      },
    ])
  )
}

const operation = (doc: RouteDoc) => ({
  summary: doc.summary,
  tags: [doc.tag],
  operationId: `${doc.method}${doc.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c?: string) => (c ?? '').toUpperCase())}`,
  ...(doc.auth ? { security: [{ session: [] }] } : { security: [] }),
  parameters: parameters(doc),
  ...(doc.body
    ? {
        requestBody: {
          required: true,
          content: { [doc.body.contentType]: { schema: toJsonSchema(doc.body.schema, 'input') } },
        },
      }
    : {}),
  responses: {
    ...Object.fromEntries(
      Object.entries(doc.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema
            ? {
                content: {
                  [response.contentType ?? 'application/json']: {
                    schema: toJsonSchema(response.schema, 'output'),
                  },
                },
              }
            : {}),
        },
      ])
    ),
    ...errorResponses(doc.errors),
  },
})

/** The OpenAPI 3.1 document of the API, generated from the shared zod schemas. */
export const buildOpenApiDocument = (serverUrl?: string) => {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const doc of routeDocs) {
    paths[doc.path] = { ...paths[doc.path], [doc.method]: operation(doc) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Addreams API',
      version: '1.0.0',
      description:
        'Accounts, credits and image generation for the Addreams app. Every error answers with the ApiError envelope; its `code` decides the HTTP status.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: serverUrl ? [{ url: serverUrl }] : [],
    paths,
    components: {
      schemas: { ApiError: toJsonSchema(apiErrorBodySchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
      },
    },
  }
}
