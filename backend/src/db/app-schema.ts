import { CREDIT_PACK_IDS, LEDGER_REASONS, PURCHASE_STATUSES } from '@app/shared-types'
import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { user } from './auth-schema.ts'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`)

/** One row per user and workflow; only ever changed in the same batch as a ledger row. */
export const creditBalance = sqliteTable(
  'credit_balance',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    workflow: text('workflow', { enum: ['product-shoot', 'ad-graphic'] }).notNull(),
    balance: integer('balance').notNull().default(0),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.workflow] }),
    // The database itself refuses an overdraft, so a batch that would overspend fails whole.
    check('credit_balance_not_negative', sql`${table.balance} >= 0`),
  ]
)

/** The append-only credit history; `idem_key` makes every grant, debit and refund happen once. */
export const creditLedger = sqliteTable(
  'credit_ledger',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    workflow: text('workflow', { enum: ['product-shoot', 'ad-graphic'] }).notNull(),
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: LEDGER_REASONS }).notNull(),
    generationId: text('generation_id'),
    note: text('note'),
    idemKey: text('idem_key').notNull().unique(),
    createdAt: createdAt(),
  },
  (table) => [index('credit_ledger_user_created_idx').on(table.userId, table.createdAt, table.id)]
)

/**
 * A generation request. `id` is the client's UUID (the idempotency key); `version` is the user's
 * sync clock at the last change, so a pull reads only what changed.
 */
export const generation = sqliteTable(
  'generation',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    workflow: text('workflow', { enum: ['product-shoot', 'ad-graphic'] }).notNull(),
    status: text('status', {
      enum: ['queued', 'running', 'succeeded', 'failed', 'canceled'],
    }).notNull(),
    fingerprint: text('fingerprint').notNull(),
    params: text('params', { mode: 'json' }).notNull(),
    model: text('model').notNull(),
    cost: integer('cost').notNull(),
    refunded: integer('refunded').notNull().default(0),
    simulated: integer('simulated', { mode: 'boolean' }).notNull().default(false),
    providerRequestId: text('provider_request_id'),
    providerTaskId: text('provider_task_id'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** Claims so far; the claim's number is the job's token for every later write. */
    attempts: integer('attempts').notNull().default(0),
    /**
     * While `queued`, when a queue message should have claimed it; while `running`, when the job's
     * lease ends unless its heartbeat renews it. Past it, the sweeper takes the generation back.
     */
    leaseExpiresAt: integer('lease_expires_at', { mode: 'timestamp_ms' }),
    /** Provider calls sent whose answer never arrived: each may have been billed. */
    unansweredCalls: integer('unanswered_calls').notNull().default(0),
    /** A sync call's answer (result URLs), kept so a job taken back downloads instead of calling again. */
    providerResult: text('provider_result', { mode: 'json' }),
    version: integer('version').notNull(),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (table) => [
    check('generation_cost_positive', sql`${table.cost} > 0`),
    check('generation_refund_bounded', sql`${table.refunded} BETWEEN 0 AND ${table.cost}`),
    index('generation_user_created_idx').on(table.userId, table.createdAt, table.id),
    uniqueIndex('generation_user_version_idx').on(table.userId, table.version),
    index('generation_status_lease_idx').on(table.status, table.leaseExpiresAt),
  ]
)

/** One stored image (a result or a reference photo) and where its bytes live in R2. */
export const generationImage = sqliteTable(
  'generation_image',
  {
    id: text('id').primaryKey(),
    generationId: text('generation_id')
      .notNull()
      .references(() => generation.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['output', 'reference'] }).notNull(),
    index: integer('idx').notNull(),
    r2Key: text('r2_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('generation_image_slot_idx').on(table.generationId, table.kind, table.index),
    index('generation_image_user_idx').on(table.userId),
  ]
)

/**
 * Each user's sync clock: every change to one of their generations takes the next version in the
 * same batch. `purgedThrough` is the newest version whose tombstone was dropped; an older cursor
 * must reset.
 */
export const syncState = sqliteTable('sync_state', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(0),
  purgedThrough: integer('purged_through').notNull().default(0),
})

/**
 * Email addresses that were ever given welcome credits, as keyed hashes of the normalised address
 * (services/email-identity.ts). No reference to `user`: the row must outlive account deletion, or
 * deleting the account and signing up again with the same address would grant them again.
 */
export const welcomeGrant = sqliteTable('welcome_grant', {
  emailHash: text('email_hash').primaryKey(),
  createdAt: createdAt(),
})

/**
 * Emails sent per address (reset and verification links) in the current window, keyed by the
 * address's keyed hash. better-auth's own limiter counts per IP only.
 */
export const addressRateLimit = sqliteTable('address_rate_limit', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * A credit purchase through Stripe Checkout; `id` is the Checkout Session's id. No reference to
 * `user`: the row is the business's record of a sale and outlives the account, like Stripe's own.
 * `creditsTakenBack` and `shortfall` split a refund or dispute into the credits the ledger took
 * back and those already spent, which the operator's usage report shows.
 */
export const purchase = sqliteTable(
  'purchase',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    workflow: text('workflow', { enum: ['product-shoot', 'ad-graphic'] }).notNull(),
    pack: text('pack', { enum: CREDIT_PACK_IDS }).notNull(),
    credits: integer('credits').notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: PURCHASE_STATUSES }).notNull(),
    paymentIntentId: text('payment_intent_id'),
    creditsTakenBack: integer('credits_taken_back').notNull().default(0),
    shortfall: integer('shortfall').notNull().default(0),
    createdAt: createdAt(),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    reversedAt: integer('reversed_at', { mode: 'timestamp_ms' }),
  },
  (table) => [
    check('purchase_credits_positive', sql`${table.credits} > 0`),
    check(
      'purchase_reversal_bounded',
      sql`${table.creditsTakenBack} + ${table.shortfall} BETWEEN 0 AND ${table.credits}`
    ),
    index('purchase_user_created_idx').on(table.userId, table.createdAt),
    index('purchase_payment_intent_idx').on(table.paymentIntentId),
    index('purchase_completed_idx').on(table.completedAt),
  ]
)
