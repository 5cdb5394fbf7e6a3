import { describe, expect, it } from 'vitest'
import { runInSlices } from './run-in-slices'

/** Steps that each keep the thread busy for `ms`, as a replication of a large day does. */
function* busySteps(count: number, ms: number) {
  for (let i = 1; i <= count; i++) {
    const until = performance.now() + ms
    while (performance.now() < until) {
      // busy
    }
    yield i
  }
  return 'done'
}

describe('running a long computation in slices', () => {
  it('gives the thread back between slices, so other work (a keystroke) runs before it finishes', async () => {
    const events: string[] = []
    const run = runInSlices(busySteps(12, 3), { onProgress: (i) => events.push(`step ${i}`) })
    setTimeout(() => events.push('other work'), 0)
    expect(await run).toBe('done')
    const other = events.indexOf('other work')
    expect(other).toBeGreaterThan(0)
    expect(other).toBeLessThan(events.length - 1)
    expect(events.filter((e) => e.startsWith('step'))).toHaveLength(12)
  })

  it('stops between steps when aborted, and rejects with an AbortError', async () => {
    const controller = new AbortController()
    let steps = 0
    const run = runInSlices(busySteps(100, 3), { signal: controller.signal, onProgress: () => steps++ })
    setTimeout(() => controller.abort(), 0)
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(steps).toBeLessThan(100)
  })
})
