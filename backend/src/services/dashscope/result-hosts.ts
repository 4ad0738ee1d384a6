// DashScope's result buckets are all named dashscope-… (its allow-list and every host seen since),
// so another tenant's OSS bucket is refused.
const OSS_HOST = /^dashscope-[a-z0-9-]+\.oss-[a-z0-9-]+\.aliyuncs\.com$/

/**
 * Whether a result URL may be downloaded (docs/dashscope.md §9): https on one of DashScope's OSS
 * result buckets, or an exact origin from `DASHSCOPE_RESULT_HOSTS` (how the local simulator is
 * admitted). A response can then never make the Worker fetch an arbitrary URL.
 */
export const isAllowedResultUrl = (raw: string, extraOrigins: readonly string[]): boolean => {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (extraOrigins.includes(url.origin)) return true
  return url.protocol === 'https:' && OSS_HOST.test(url.hostname) && url.port === ''
}
