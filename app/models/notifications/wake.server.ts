// A nudge from whoever writes to the outbox to the delivery worker in the same process, so an email goes out within
// milliseconds instead of at the next poll. It is only a hint: it may arrive before the writing transaction has
// committed (the worker then finds nothing and the next poll, a second later, finds it), and other processes and
// instances never hear it, so the worker's poll stays the guarantee.
let listener: (() => void) | null = null

export function onOutboxWritten(wake: (() => void) | null): void {
  listener = wake
}

export function outboxWritten(): void {
  const wake = listener
  // After the current tick: on SQLite the worker's read then queues behind the writing transaction and sees its rows.
  if (wake) setImmediate(wake)
}
