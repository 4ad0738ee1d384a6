import { createMiddleware } from 'hono/factory'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from '../env.ts'

// The API answers JSON and image bytes, never a page: nothing may load from it, frame it, or
// read it from another origin's window.
const options: Parameters<typeof secureHeaders>[0] = {
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  permissionsPolicy: {
    camera: [],
    microphone: [],
    geolocation: [],
    payment: [],
    usb: [],
  },
}

const overHttps = secureHeaders({
  ...options,
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
})
const overHttp = secureHeaders({ ...options, strictTransportSecurity: false })

/**
 * Security headers on every `/api/*` answer, errors and better-auth's included (it runs outside
 * every other middleware, so it sees what `onError` made of a throw); HSTS only over https, the
 * only place a browser honours it.
 */
export const securityHeaders = () =>
  createMiddleware<AppEnv>(async function securityHeaders(c, next) {
    return (new URL(c.req.url).protocol === 'https:' ? overHttps : overHttp)(c, next)
  })
