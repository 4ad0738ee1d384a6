// Apart from passkeys.ts, so that the sign-in page can decide whether to offer a passkey without
// loading the session code or zod.

/**
 * Whether passkeys can be used here: the browser has WebAuthn, and the page is not on an IP
 * address, which browsers refuse as a passkey's site (a local run on 127.0.0.1; localhost works).
 */
export const passkeysSupported = (): boolean =>
  typeof window.PublicKeyCredential === 'function' && !/^[\d.]+$|^\[/.test(window.location.hostname)
