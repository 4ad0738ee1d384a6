import * as z from 'zod'
import { balancesSchema } from './credits.ts'
import { timestampSchema } from './ids.ts'

/** `free` until an operator marks the account `paid` when granting credits. */
export const accountTypeSchema = z.enum(['free', 'paid'])
export type AccountType = z.infer<typeof accountTypeSchema>

/** `GET /api/me`: who is signed in, and their credits. */
export const profileSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.email(),
    emailVerified: z.boolean(),
    image: z.string().nullable(),
    createdAt: timestampSchema,
  }),
  accountType: accountTypeSchema,
  balances: balancesSchema,
})
export type Profile = z.infer<typeof profileSchema>
