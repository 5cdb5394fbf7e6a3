// The server answers every request on one thread. Work that takes more than a few milliseconds is done in slices,
// with a turn of the event loop between them, so that the other requests waiting on the process are answered in
// between instead of after all of it (docs/reliability.md, "Event-loop stall").

/**
 * Resolves once a whole turn of the event loop, its timers and I/O included, has run. One setImmediate is not always
 * that: awaited straight after I/O (the poll phase) it runs in the same turn's check phase, before any timer, so the
 * slice before and the slice after would hold the loop as one. Two always put a turn's timers and I/O in between.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)))
}
