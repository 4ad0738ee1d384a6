import * as z from 'zod'

/** A client-generated UUID; for generations it doubles as the idempotency key. */
export const clientIdSchema = z.uuid()
export type ClientId = z.infer<typeof clientIdSchema>

/** ISO 8601 timestamp with time zone, as every timestamp on the wire is written. */
export const timestampSchema = z.iso.datetime({ offset: true })
