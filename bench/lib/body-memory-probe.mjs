// Run by measures/job-memory.mjs as `node --expose-gc` in a process of its own, so that nothing
// else's garbage shows: builds one provider request body with three photos of PHOTO_BYTES each,
// the old way (each photo read whole, base64, one JSON string, encoded for fetch) or streamed
// (streamed-body.ts), sends it to a sink, and prints the most memory it held above the start.
import { createReadStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { runnerImport } from 'vite'
import { root } from '../../scripts/lib/paths.mjs'

const [mode, photoBytes] = [process.argv[2], Number(process.argv[3])]
const { module } = await runnerImport(
  path.join(root, 'backend/src/services/dashscope/streamed-body.ts')
)
const files = []
for (let i = 0; i < 3; i++) {
  const file = path.join(tmpdir(), `addreams-probe-${process.pid}-${i}.jpg`)
  await writeFile(file, Buffer.alloc(photoBytes, i + 1))
  files.push(file)
}
const used = () => {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}
globalThis.gc()
const base = used()
let peak = 0
const sample = () => {
  peak = Math.max(peak, used() - base)
}
const skeleton = (images) =>
  JSON.stringify({
    model: 'qwen-image-edit-max',
    input: {
      messages: [
        { role: 'user', content: [...images.map((image) => ({ image })), { text: 'On marble' }] },
      ],
    },
    parameters: { n: 1, prompt_extend: true, watermark: false },
  })
if (mode === 'inline') {
  const { readFile } = await import('node:fs/promises')
  const photos = []
  for (const file of files) {
    photos.push(await readFile(file))
    sample()
  }
  const uris = photos.map((bytes) => `data:image/jpeg;base64,${bytes.toString('base64')}`)
  sample()
  const json = skeleton(uris)
  sample()
  const body = new TextEncoder().encode(json)
  sample()
  await new Response(body).arrayBuffer().then(() => sample())
} else {
  const images = files.map((file, i) => ({
    placeholder: `p-${i}`,
    source: {
      contentType: 'image/jpeg',
      size: photoBytes,
      open: async () => Readable.toWeb(createReadStream(file)),
    },
  }))
  const { stream } = module.streamedJson(skeleton(images.map((image) => image.placeholder)), images)
  const reader = stream.getReader()
  for (let r = await reader.read(); !r.done; r = await reader.read()) sample()
}
console.log(JSON.stringify({ peakBytes: peak }))
