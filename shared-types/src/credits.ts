import * as z from 'zod'
import { clientIdSchema, timestampSchema } from './ids.ts'
import { workflowSchema } from './models.ts'

/** Credits a new account gets in each workflow. */
export const WELCOME_CREDITS = 1

/** The user's balance in every workflow; a balance is never negative. */
export const balancesSchema = z.record(workflowSchema, z.int().nonnegative())
export type Balances = z.infer<typeof balancesSchema>

/**
 * Why a ledger row exists. `refund` gives back a failed generation's credits; `purchase` adds a
 * bought pack; `reversal` takes back what was left of a purchase after a refund or dispute;
 * `grant` and `adjustment` are the operator's (`npm run credits`).
 */
export const LEDGER_REASONS = [
  'welcome',
  'generation',
  'refund',
  'grant',
  'purchase',
  'reversal',
  'adjustment',
] as const
export const ledgerReasonSchema = z.enum(LEDGER_REASONS)
export type LedgerReason = z.infer<typeof ledgerReasonSchema>

/** One row of the append-only credit ledger, as the owner sees it. */
export const ledgerEntrySchema = z.object({
  id: z.string(),
  workflow: workflowSchema,
  delta: z.int(),
  reason: ledgerReasonSchema,
  generationId: clientIdSchema.nullable(),
  note: z.string().nullable(),
  createdAt: timestampSchema,
})
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>

/** Query of `GET /api/credits/ledger`. */
export const ledgerQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

/** One page of the credit history, newest first. */
export const ledgerPageSchema = z.object({
  items: z.array(ledgerEntrySchema),
  nextCursor: z.string().nullable(),
})
export type LedgerPage = z.infer<typeof ledgerPageSchema>
