// zod/mini, as in session.ts: the sign-in page loads this module before its first paint.
import * as z from 'zod/mini'
import { apiFetch, apiJson } from './api.ts'
import type { LocalUser } from './db.ts'
import { adoptSignedInUser, settleSignOut } from './session.ts'

/** One passkey of the user, as Profile lists it. */
export interface Passkey {
  id: string
  name: string | null
  createdAt: Date | null
}

const passkeySchema = z.object({
  id: z.string(),
  name: z.nullish(z.string()),
  createdAt: z.nullish(z.coerce.date()),
})

// The WebAuthn helpers load only when a passkey is used, so no other page carries their bytes.
const webAuthn = () => import('@simplewebauthn/browser')

/**
 * Signs in with a passkey on this device (its unlock: fingerprint, face, PIN). Throws the
 * browser's `NotAllowedError` when the user cancels, `ApiClientError` when the server refuses.
 */
export const signInWithPasskey = async (): Promise<LocalUser> => {
  await settleSignOut()
  const { startAuthentication } = await webAuthn()
  const optionsJSON = await apiJson('/api/auth/passkey/generate-authenticate-options', z.any())
  const response = await startAuthentication({ optionsJSON })
  const answer = await apiJson('/api/auth/passkey/verify-authentication', z.unknown(), {
    method: 'POST',
    json: { response },
  })
  return adoptSignedInUser(answer)
}

/** Creates a passkey for the signed-in user on this device, named `name`. */
export const addPasskey = async (name: string): Promise<void> => {
  const { startRegistration } = await webAuthn()
  const optionsJSON = await apiJson('/api/auth/passkey/generate-register-options', z.any())
  const response = await startRegistration({ optionsJSON })
  await apiJson('/api/auth/passkey/verify-registration', z.unknown(), {
    method: 'POST',
    json: { response, name },
  })
}

/** The signed-in user's passkeys, newest first. */
export const listPasskeys = async (): Promise<Passkey[]> => {
  const rows = await apiJson('/api/auth/passkey/list-user-passkeys', z.array(passkeySchema))
  return rows
    .map((row) => ({ id: row.id, name: row.name ?? null, createdAt: row.createdAt ?? null }))
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
}

/** Removes one of the user's passkeys; the device keeps its copy, which no longer signs in. */
export const removePasskey = async (id: string): Promise<void> => {
  await apiFetch('/api/auth/passkey/delete-passkey', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id }),
  })
}
