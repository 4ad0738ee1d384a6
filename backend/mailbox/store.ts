/** One email as the mailbox received it, in the shape `GET /messages` answers. */
export interface MailboxMessage {
  id: string
  from: string
  to: string[]
  subject: string
  text: string
  html: string
  /** Every http(s) link in the email, in order, without repeats. */
  links: string[]
  receivedAt: string
}

/** The longest list kept: a long `npm start` session must not grow without bound. */
const MAX_MESSAGES = 1000

const LINK = /https?:\/\/[^\s"'<>]+/g

const decodeEntities = (url: string): string =>
  url.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'")

/** The links of an email: from its text part, then any more from its HTML part. */
export const linksOf = (text: string, html: string): string[] => [
  ...new Set([...(text.match(LINK) ?? []), ...(html.match(LINK) ?? []).map(decodeEntities)]),
]

/** The emails received since the mailbox started, newest first. */
export class MailboxStore {
  private readonly _messages: MailboxMessage[] = []

  /** Keeps one email; drops the oldest past `MAX_MESSAGES`. */
  add(message: Omit<MailboxMessage, 'id' | 'links' | 'receivedAt'>): MailboxMessage {
    const stored = {
      ...message,
      id: crypto.randomUUID(),
      links: linksOf(message.text, message.html),
      receivedAt: new Date().toISOString(),
    }
    this._messages.unshift(stored)
    this._messages.length = Math.min(this._messages.length, MAX_MESSAGES)
    return stored
  }

  /** Newest first; with `to`, only those sent to that address (any letter case). */
  list(to?: string): MailboxMessage[] {
    if (!to) return [...this._messages]
    const wanted = to.toLowerCase()
    return this._messages.filter((message) => message.to.some((t) => t.toLowerCase() === wanted))
  }

  clear(): void {
    this._messages.length = 0
  }
}
