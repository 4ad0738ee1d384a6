// DashScope stamps tasks in China time with no zone marker (docs/dashscope.md §6.4).
const UTC_PLUS_8_MS = 8 * 60 * 60 * 1000

/** Formats epoch ms as `YYYY-MM-DD HH:mm:ss.SSS` in UTC+8, as task responses do. */
export const formatTaskTime = (ms: number): string =>
  new Date(ms + UTC_PLUS_8_MS).toISOString().replace('T', ' ').slice(0, 23)

/** The `yyyymmdd` folder of a result URL, in UTC+8 like the task times. */
export const resultDay = (ms: number): string =>
  new Date(ms + UTC_PLUS_8_MS).toISOString().slice(0, 10).replaceAll('-', '')
