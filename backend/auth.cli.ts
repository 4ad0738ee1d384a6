// Read only by the `auth` CLI (`npm run db:auth-schema`) to generate src/db/auth-schema.ts.
// Keep its options and plugins in step with createAuth in src/lib/auth.ts.
import { passkey } from '@better-auth/passkey'
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'

export const auth = betterAuth({
  database: drizzleAdapter({} as never, { provider: 'sqlite' }),
  emailAndPassword: { enabled: true },
  rateLimit: { enabled: true, storage: 'database' },
  user: {
    additionalFields: {
      accountType: { type: 'string', required: false, defaultValue: 'free', input: false },
    },
  },
  plugins: [passkey()],
})
