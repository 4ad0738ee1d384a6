// The app speaks English only, so dates read in English too, like the relative times and counts
// next to them, rather than mixing the reader's locale into English sentences.
const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })

/** A full date and time for details ("Nov 22, 2026, 10:04 AM"). */
export const formatDateTime = (value: Date | string): string => dateTime.format(new Date(value))
