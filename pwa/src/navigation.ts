import { emit } from './events.ts'

const isApiPath = (pathname: string): boolean => {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname).toLowerCase()
  } catch {
    return true
  }
  return decoded === '/api' || decoded.startsWith('/api/')
}

/**
 * Where to go after sign-in: the `redirect` value when it is a path of the app on this origin,
 * otherwise `/history`. The value is resolved the way `navigate()` will resolve it, because the
 * URL parser drops tabs and newlines and reads `\` as `/`: `/\t/evil.example` looks like a path
 * but is `//evil.example`, another host. The API is never a destination.
 */
export const safeRedirect = (value: string | null | undefined): string => {
  const fallback = '/history'
  if (!value?.startsWith('/')) return fallback
  const origin = window.location.origin
  let url: URL
  try {
    url = new URL(value, origin)
  } catch {
    return fallback
  }
  if (url.origin !== origin || isApiPath(url.pathname)) return fallback
  return url.pathname + url.search + url.hash
}

/** The sign-in page that returns to `url` (path and query) afterwards. */
export const signInPathFor = (url: URL): string =>
  `/sign-in?redirect=${encodeURIComponent(url.pathname + url.search)}`

/**
 * Goes to `path` by sending `app-navigate` from `from` to the app frame, which owns the router;
 * the pages the router loads can then ask for a page without importing the router. An element
 * already taken out of the document has no frame to reach, so it gets a full page load instead.
 */
export const navigate = (
  from: Element,
  path: string,
  options: { replace?: boolean } = {}
): void => {
  if (from.isConnected) emit(from, 'app-navigate', { path, replace: options.replace ?? false })
  else window.location.assign(path)
}
