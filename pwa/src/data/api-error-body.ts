import { type ApiErrorBody, apiErrorBodySchema } from '@app/shared-types'

// Its own module so that api.ts loads it, and zod with it, with the first failed answer: a start
// that gets none carries no zod.

/** Our routes' error envelope in `body`, or undefined when it is something else. */
export const readErrorBody = (body: unknown): ApiErrorBody['error'] | undefined => {
  const parsed = apiErrorBodySchema.safeParse(body)
  return parsed.success ? parsed.data.error : undefined
}
