import * as z from 'zod'
import { timestampSchema } from './ids.ts'
import { type ModelId, type Workflow, workflowSchema } from './models.ts'

/** The packs on sale in every workflow; which credits and price each has is per workflow. */
export const CREDIT_PACK_IDS = ['small', 'medium', 'large'] as const
export const creditPackIdSchema = z.enum(CREDIT_PACK_IDS)
export type CreditPackId = z.infer<typeof creditPackIdSchema>

/** A pack of credits for one workflow. `price` is in the currency's minor unit (cents). */
export type CreditPack = {
  id: CreditPackId
  name: string
  credits: number
  price: number
  currency: 'usd'
}

/**
 * What is on sale. Data, not Stripe products: Checkout gets the price inline, so a new pack or
 * price is a change here and nothing in the Stripe dashboard.
 */
export const CREDIT_PACKS = {
  'product-shoot': [
    { id: 'small', name: 'Starter', credits: 10, price: 900, currency: 'usd' },
    { id: 'medium', name: 'Studio', credits: 50, price: 3900, currency: 'usd' },
    { id: 'large', name: 'Agency', credits: 200, price: 12900, currency: 'usd' },
  ],
  'ad-graphic': [
    { id: 'small', name: 'Starter', credits: 10, price: 500, currency: 'usd' },
    { id: 'medium', name: 'Studio', credits: 50, price: 1900, currency: 'usd' },
    { id: 'large', name: 'Agency', credits: 200, price: 5900, currency: 'usd' },
  ],
} as const satisfies Record<Workflow, readonly CreditPack[]>

/** The pack `id` of `workflow`; every pair of a workflow and a pack id exists. */
export const findCreditPack = (workflow: Workflow, id: CreditPackId): CreditPack => {
  const pack = CREDIT_PACKS[workflow].find((candidate) => candidate.id === id)
  if (!pack) throw new Error(`No pack ${id} in ${workflow}`)
  return pack
}

/** `POST /api/credits/checkout`: buy one pack of one workflow. */
export const checkoutRequestSchema = z.strictObject({
  workflow: workflowSchema,
  pack: creditPackIdSchema,
})
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>

/** Where to send the browser to pay, and the purchase's id to ask about on return. */
export const checkoutResponseSchema = z.object({
  url: z.url(),
  purchaseId: z.string(),
})
export type CheckoutResponse = z.infer<typeof checkoutResponseSchema>

/**
 * `pending` until Stripe says the payment completed; `completed` once the credits were granted;
 * `expired` when the checkout was abandoned; `reversed` after a refund or dispute took back what
 * was left of the credits.
 */
export const PURCHASE_STATUSES = ['pending', 'completed', 'expired', 'reversed'] as const
export const purchaseStatusSchema = z.enum(PURCHASE_STATUSES)
export type PurchaseStatus = z.infer<typeof purchaseStatusSchema>

/** `GET /api/credits/purchases/:id`: one of the user's purchases (the id is Checkout's session id). */
export const purchaseSchema = z.object({
  id: z.string(),
  workflow: workflowSchema,
  pack: creditPackIdSchema,
  credits: z.int().positive(),
  amount: z.int().nonnegative(),
  currency: z.string(),
  status: purchaseStatusSchema,
  createdAt: timestampSchema,
  completedAt: timestampSchema.nullable(),
})
export type Purchase = z.infer<typeof purchaseSchema>

/**
 * What the provider charges per delivered image, in US dollars: an estimate for the operator's
 * usage report (`npm run credits -- usage`), from Alibaba Cloud Model Studio's international
 * price list; check it against the bill.
 */
export const PROVIDER_PRICES = {
  'qwen-image-max': { usdPerImage: 0.075 },
  'qwen-image-plus': { usdPerImage: 0.03 },
  'qwen-image-edit-max': { usdPerImage: 0.075 },
} as const satisfies Record<ModelId, { usdPerImage: number }>
