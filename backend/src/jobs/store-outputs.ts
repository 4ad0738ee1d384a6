import { probeImage } from '../lib/image-probe.ts'
import type { DashScopeClient } from '../services/dashscope/client.ts'
import { ProviderError } from '../services/dashscope/provider-errors.ts'
import { generationPrefix, imageKey } from '../services/generation-resource.ts'
import type { Lease } from './job-lease.ts'

/** One result image copied to R2. */
export type StoredOutput = {
  key: string
  bytes: number
  width: number
  height: number
  contentType: string
  index: number
}

/** What copying results needs. */
export type StoreDeps = {
  bucket: R2Bucket
  client: DashScopeClient
  sleep: (ms: number) => Promise<void>
  /** Aborts when the job loses its lease or spends its time budget. */
  signal: AbortSignal
}

/** Tries per result image before the job gives up on it. */
const DOWNLOAD_ATTEMPTS = 4

/**
 * Result URLs are already paid for, so a failed download is retried here rather than by running
 * the job again, which would call (and bill) the provider a second time.
 */
const downloadWithRetry = async (deps: StoreDeps, url: string) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.client.download(url, deps.signal)
    } catch (error) {
      const retryable = error instanceof ProviderError && error.retryable
      if (!retryable || attempt >= DOWNLOAD_ATTEMPTS || deps.signal.aborted) {
        throw new ProviderError({
          errorClass: 'provider_busy',
          retryable: false,
          message: `Result download failed: ${error instanceof Error ? error.message : String(error)}`,
          cause: error,
        })
      }
      await deps.sleep(500 * 2 ** attempt)
    }
  }
}

/** The R2 prefix of one generation's result images. */
export const outputPrefix = (userId: string, generationId: string) =>
  `${generationPrefix(userId, generationId)}output-`

/**
 * Copies up to `count` results to R2, each under a key of this claim's own, so a job taken back
 * and one still finishing can never overwrite each other's bytes. When a download fails after
 * others were stored, what was stored is kept: the job delivers it and refunds the rest. Throws
 * only when nothing could be stored.
 */
export const storeOutputs = async (
  deps: StoreDeps,
  lease: Lease,
  urls: string[],
  count: number
): Promise<{ stored: StoredOutput[]; error: unknown }> => {
  const stored: StoredOutput[] = []
  for (const [index, url] of urls.slice(0, count).entries()) {
    try {
      const { bytes } = await downloadWithRetry(deps, url)
      const data = new Uint8Array(bytes)
      const info = probeImage(data)
      if (!info)
        throw new ProviderError({
          errorClass: 'malformed',
          retryable: false,
          message: 'A result is not an image',
        })
      const key = imageKey(
        lease.userId,
        lease.id,
        'output',
        index,
        info.extension,
        `a${lease.token}`
      )
      await deps.bucket.put(key, data, { httpMetadata: { contentType: info.contentType } })
      stored.push({
        key,
        bytes: data.byteLength,
        width: info.width,
        height: info.height,
        contentType: info.contentType,
        index,
      })
    } catch (error) {
      if (stored.length === 0) throw error
      return { stored, error }
    }
  }
  return { stored, error: undefined }
}
