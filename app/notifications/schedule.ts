// When the delivery worker tries again, when it gives up, and when the daily digest goes out. Pure.

/** The first retry waits this long; each later one twice as long as the one before, up to MAX_RETRY_DELAY_MS. */
export const FIRST_RETRY_DELAY_MS = 30_000
export const MAX_RETRY_DELAY_MS = 60 * 60_000
/** Attempts before an email is marked failed (about five and a half hours of trying); an administrator can retry it. */
export const MAX_ATTEMPTS = 12

/**
 * How long to wait after the `failures`th failed attempt (1, 2, 3…): exponential, capped, with ±20% jitter so that
 * many emails failing together do not all come back in the same instant. `random` is in [0, 1).
 */
export function retryDelayMs(failures: number, random: number = Math.random()): number {
  const base = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, failures - 1))
  return Math.round(base * (0.8 + 0.4 * random))
}

/**
 * An SMTP reply in the 5xx range is a permanent refusal (RFC 5321 §4.2.1): the same message would be refused again,
 * so it fails at once. Anything else (4xx, a refused or dropped connection, a timeout) is worth another try.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/** The daily digest goes out at this hour, UK time. */
export const DIGEST_HOUR = 8

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })

function londonParts(instant: number): { date: string; hour: number } {
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(instant)).map((p) => [p.type, p.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
}

/** The instant it is `hour`:00 in London on `date` (YYYY-MM-DD), in GMT or BST as the date has it. */
export function londonTime(date: string, hour: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const guess = Date.UTC(y, m - 1, d, hour)
  const shown = londonParts(guess)
  const offsetHours = (shown.date === date ? shown.hour : shown.hour + 24) - hour
  return new Date(guess - offsetHours * 3_600_000)
}

/**
 * The latest digest time at or before `now`: a digest sent then carries everything held for it that was written
 * before that instant.
 */
export function digestCutoff(now: Date): Date {
  const today = londonTime(londonParts(now.getTime()).date, DIGEST_HOUR)
  if (today.getTime() <= now.getTime()) return today
  return londonTime(londonParts(now.getTime() - 24 * 3_600_000).date, DIGEST_HOUR)
}
