import type { IncomingMessage } from 'node:http'

/** A request's body as text, or undefined past `max` bytes (the local stand-ins refuse it then). */
export const readBody = async (req: IncomingMessage, max: number): Promise<string | undefined> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > max) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
