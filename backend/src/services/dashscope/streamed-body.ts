/** A reference photo the provider call reads as it is sent: its type, its size and its bytes. */
export type ReferenceSource = {
  contentType: string
  size: number
  open: () => Promise<ReadableStream<Uint8Array>>
}

/** A request body streamed to the provider, with the byte length it will have. */
export type StreamedBody = { stream: ReadableStream<Uint8Array>; length: number }

const encoder = new TextEncoder()

// 3 bytes become 4 characters; a multiple of 3 keeps every chunk free of padding.
const CHUNK = 3 * 16 * 1024

const base64 = (bytes: Uint8Array) => {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

const base64Length = (size: number) => 4 * Math.ceil(size / 3)

/** The source's bytes as base64 text, a chunk at a time, never holding the whole photo. */
async function* base64Of(source: ReferenceSource): AsyncGenerator<Uint8Array> {
  const reader = (await source.open()).getReader()
  try {
    let carry = new Uint8Array(0)
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const joined = new Uint8Array(carry.length + value.length)
      joined.set(carry)
      joined.set(value, carry.length)
      const whole = joined.length - (joined.length % 3)
      for (let at = 0; at < whole; at += CHUNK) {
        yield encoder.encode(base64(joined.subarray(at, Math.min(at + CHUNK, whole))))
      }
      carry = joined.slice(whole)
    }
    if (carry.length > 0) yield encoder.encode(base64(carry))
  } finally {
    // A call that is cut off stops reading the photo from R2 too.
    await reader.cancel().catch(() => undefined)
  }
}

/**
 * The JSON text `json` with each `"<placeholder>"` string replaced by the data URI of its source,
 * streamed. Three 10 MB photos would otherwise become one 40 MB string and its copies inside an
 * isolate that has 128 MB; streamed, a call holds one chunk of one photo at a time.
 */
export const streamedJson = (
  json: string,
  images: { placeholder: string; source: ReferenceSource }[]
): StreamedBody => {
  const parts: (Uint8Array | ReferenceSource)[] = []
  let rest = json
  for (const { placeholder, source } of images) {
    const quoted = JSON.stringify(placeholder)
    const at = rest.indexOf(quoted)
    if (at < 0) throw new Error(`The body has no ${quoted}`)
    parts.push(encoder.encode(`${rest.slice(0, at)}"data:${source.contentType};base64,`), source)
    rest = `"${rest.slice(at + quoted.length)}`
  }
  parts.push(encoder.encode(rest))
  const length = parts.reduce(
    (sum, part) => sum + (part instanceof Uint8Array ? part.length : base64Length(part.size)),
    0
  )
  async function* chunks() {
    for (const part of parts) {
      if (part instanceof Uint8Array) yield part
      else yield* base64Of(part)
    }
  }
  const iterator = chunks()
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    async cancel() {
      await iterator.return(undefined)
    },
  })
  return { stream, length }
}
