import type { ValidationTargets } from 'hono'
import { validator } from 'hono/validator'
import type * as z from 'zod'
import { ApiError } from './api-error.ts'

/** Maps zod issues onto the envelope's `details`. */
export const issuesToDetails = (issues: z.core.$ZodIssue[]) =>
  issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))

/** The one validation wrapper: failures become `VALIDATION_FAILED` with a detail per issue. */
export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema
) =>
  validator(target, (value): z.output<Schema> => {
    const result = schema.safeParse(value)
    if (!result.success) {
      throw new ApiError('VALIDATION_FAILED', 'The request is not valid', {
        details: issuesToDetails(result.error.issues),
      })
    }
    return result.data
  })
