import * as z from 'zod'
import { timestampSchema } from './ids.ts'

/** `GET /api/health`: the Worker is alive. */
export const healthSchema = z.object({ status: z.literal('ok'), time: timestampSchema })
export type Health = z.infer<typeof healthSchema>

/** The dependencies readiness touches. */
export const readinessPartSchema = z.enum(['d1', 'r2'])
export type ReadinessPart = z.infer<typeof readinessPartSchema>

/** `GET /api/health/ready` when every dependency answered; otherwise a 503 error envelope names the part. */
export const readinessSchema = z.object({
  status: z.literal('ready'),
  checks: z.record(readinessPartSchema, z.literal('ok')),
})
export type Readiness = z.infer<typeof readinessSchema>
