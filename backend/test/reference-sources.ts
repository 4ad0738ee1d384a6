import type { ReferenceSource } from '../src/services/dashscope/streamed-body.ts'

/** A reference source over bytes in memory, delivered in chunks of `chunk` bytes. */
export const sourceOf = (contentType: string, bytes: Uint8Array, chunk = 7): ReferenceSource => ({
  contentType,
  size: bytes.byteLength,
  open: async () => {
    let at = 0
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.byteLength) return controller.close()
        controller.enqueue(bytes.slice(at, at + chunk))
        at += chunk
      },
    })
  },
})
