// `npm run dev`: hot reload of both sides. wrangler dev (API, reloads on backend changes) on 8787
// and Vite (PWA with HMR, proxying /api to the Worker) on http://127.0.0.1:5173.
import { ensureDevVars } from './lib/dev-vars.mjs'
import { hasRealEmailKey, startLocalMailbox } from './lib/mailbox.mjs'
import { migrateLocal } from './lib/migrations.mjs'
import { defaultStateDir } from './lib/paths.mjs'
import { hasRealStripeKey, startLocalPayments, webhookUrlFor } from './lib/payments.mjs'
import { run } from './lib/process.mjs'

const stateDir = process.env.ADDREAMS_STATE_DIR ?? defaultStateDir
ensureDevVars()
await migrateLocal(stateDir, { quiet: true })
const origins =
  'http://127.0.0.1:5173,http://localhost:5173,http://127.0.0.1:8787,http://localhost:8787'
// Account emails go to the local mailbox unless a real Resend key is configured, as in `npm start`.
const mail = hasRealEmailKey()
  ? undefined
  : await startLocalMailbox(Number(process.env.MAILBOX_PORT ?? 8791))
// Checkout runs on the local Stripe simulator unless a real Stripe key is configured.
const pay = hasRealStripeKey()
  ? undefined
  : await startLocalPayments(
      Number(process.env.PAYMENTS_PORT ?? 8792),
      webhookUrlFor('http://127.0.0.1:8787')
    )
const localVars = Object.entries({ ...mail?.vars, ...pay?.vars }).map(
  ([key, value]) => ` --var ${key}:${value}`
)
const api = `npx wrangler dev --ip 127.0.0.1 --port 8787 --persist-to ${JSON.stringify(stateDir)} --var TRUSTED_ORIGINS:${origins} --var BETTER_AUTH_URL:http://127.0.0.1:5173${localVars.join('')}`
if (mail) console.log(`Account emails go to the local mailbox at ${mail.mailbox.url}`)
if (pay) console.log(`Checkout runs on the local Stripe simulator at ${pay.payments.url}`)
console.log('Open http://127.0.0.1:5173 (the API answers there too, through the Vite proxy).')
await run('npx', [
  'concurrently',
  '-k',
  '-n',
  'api,web',
  '-c',
  'blue,green',
  `cd backend && ${api}`,
  'npm run dev -w @app/pwa',
]).catch(() => process.exit(1))
