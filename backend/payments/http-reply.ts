import type { ServerResponse } from 'node:http'

/** Checkout bodies are a few hundred bytes; Stripe's own limit is far higher. */
export const BODY_MAX = 256 * 1024

export const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

export const sendHtml = (res: ServerResponse, status: number, html: string) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
  res.end(html)
}

export const redirect = (res: ServerResponse, location: string) => {
  res.writeHead(303, { location })
  res.end()
}
