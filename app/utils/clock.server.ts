// Every time-dependent rule (session timeouts, rate limits, "no earlier than today") reads this clock,
// so tests can move time instead of sleeping.
let offsetMs = 0
let frozenAt: number | null = null

export function now(): Date {
  return new Date(frozenAt ?? Date.now() + offsetMs)
}

export function nowIso(): string {
  return now().toISOString()
}

// Built once: constructing an Intl formatter costs far more than using one, and pages ask for today on every request.
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })

/** Today's date in the UK (Europe/London), as YYYY-MM-DD. */
export function todayIso(): string {
  return LONDON_DATE.format(now())
}

export const testClock = {
  advance(ms: number) {
    if (frozenAt !== null) frozenAt += ms
    else offsetMs += ms
  },
  freeze(at: Date | string) {
    frozenAt = new Date(at).getTime()
  },
  reset() {
    offsetMs = 0
    frozenAt = null
  },
}
