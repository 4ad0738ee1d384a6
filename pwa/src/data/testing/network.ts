import { apiFetch } from '../api.ts'

/** Sends one request through the data layer while the network answers (`up`) or is gone. */
export const requestWithNetwork = async (up: boolean): Promise<void> => {
  const real = globalThis.fetch
  globalThis.fetch = async () => {
    if (!up) throw new TypeError('Failed to fetch')
    return new Response('{}')
  }
  try {
    await apiFetch('/api/health').catch(() => undefined)
  } finally {
    globalThis.fetch = real
  }
}
