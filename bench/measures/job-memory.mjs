import path from 'node:path'
import { run as runCommand } from '../../scripts/lib/process.mjs'
import { figure } from '../lib/report.mjs'

const PHOTO_BYTES = 10 * 1024 * 1024
const MiB = 1024 * 1024

export const title = '10. Generation job memory'
export const about =
  'The most memory one provider call holds for its request body with three 10 MB reference photos (the most a request may carry), in a Node process of its own (heap plus array buffers above the start). The isolate that runs the job has 128 MB. A result download adds at most 17 MiB (the cap).'

const peakOf = async (mode) => {
  const out = await runCommand(
    process.execPath,
    [
      '--expose-gc',
      path.join(import.meta.dirname, '../lib/body-memory-probe.mjs'),
      mode,
      String(PHOTO_BYTES),
    ],
    { quiet: true }
  )
  return JSON.parse(out.trim().split('\n').at(-1)).peakBytes / MiB
}

export const run = async () => {
  const streamed = await peakOf('streamed')
  const inline = await peakOf('inline')
  return [
    figure({
      name: 'Request body of 3 × 10 MB photos, streamed (as the job sends it)',
      value: streamed,
      unit: 'MiB',
      budget: { op: '<=', limit: 32 },
    }),
    figure({
      name: 'The same built as one JSON string with data URIs (the job before)',
      value: inline,
      unit: 'MiB',
      note: 'for comparison; over the isolate limit together with the rest of the job',
    }),
  ]
}
