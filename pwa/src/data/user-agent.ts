/** A browser and operating system in words, e.g. `{ browser: 'Chrome', os: 'Android' }`. */
export interface DeviceName {
  browser: string
  os: string
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", iOS says "Mac OS X".
const BROWSERS: readonly [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
]

const SYSTEMS: readonly [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
]

const first = (ua: string, table: readonly [RegExp, string][]): string =>
  table.find(([pattern]) => pattern.test(ua))?.[1] ?? 'Unknown'

/**
 * Names the browser and OS of a user agent string, for the profile's list of signed-in devices.
 *
 * @example describeUserAgent('Mozilla/5.0 (iPhone; …) Version/18.0 Mobile/15E148 Safari/604.1')
 * // { browser: 'Safari', os: 'iOS' }
 */
export const describeUserAgent = (ua: string): DeviceName => ({
  browser: first(ua, BROWSERS),
  os: first(ua, SYSTEMS),
})
