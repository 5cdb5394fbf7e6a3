// Runs a long computation, written as a generator, a slice at a time between the browser's other work, so that
// typing and scrolling never wait for it (a Web Worker would need a script file of its own, and the page's content
// security policy allows scripts from the app's own files only; slices need nothing).

/** How long one slice may run before the page gets the main thread back: well inside a 16 ms frame. */
const SLICE_MS = 8

/**
 * Steps `steps` until it returns, yielding to the browser every few milliseconds. `onProgress` hears each yielded
 * value; aborting `signal` stops it between steps and rejects with an AbortError.
 */
export function runInSlices<T, R>(steps: Generator<T, R, void>, options: { onProgress?: (value: T) => void; signal?: AbortSignal } = {}): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const slice = () => {
      if (options.signal?.aborted) {
        reject(new DOMException('The simulation was stopped', 'AbortError'))
        return
      }
      const until = performance.now() + SLICE_MS
      try {
        for (;;) {
          const step = steps.next()
          if (step.done) {
            resolve(step.value)
            return
          }
          options.onProgress?.(step.value)
          if (performance.now() >= until) break
        }
      } catch (error) {
        reject(error)
        return
      }
      setTimeout(slice, 0)
    }
    setTimeout(slice, 0)
  })
}
