import { stat } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { yieldToEventLoop } from './event-loop.server'
import { readFormData } from './forms.server'

/** Counts the turns of the event loop that run while it is on: one setImmediate a turn. */
function turnCounter() {
  let turns = 0
  let on = true
  const count = () => {
    if (!on) return
    turns++
    setImmediate(count)
  }
  setImmediate(count)
  return {
    stop: () => {
      on = false
      return turns
    },
  }
}

let counter: ReturnType<typeof turnCounter> | null = null
afterEach(() => void counter?.stop())

const post = (body: string) =>
  new Request('http://localhost/form', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(body.length) }, body })

describe('yielding to the event loop', () => {
  it('lets a timer run before going on, even when awaited straight after I/O', async () => {
    // Straight after I/O is the poll phase: one setImmediate would go on in the same turn, before any timer.
    const order: string[] = []
    await new Promise<void>((resolve) => {
      stat('.', async () => {
        setTimeout(() => order.push('timer'), 0)
        // A timer of 0 ms is due after 1 ms: make sure it is due before yielding.
        const due = Date.now() + 2
        while (Date.now() < due) {
          // wait for the timer to fall due
        }
        await yieldToEventLoop()
        order.push('after the yield')
        resolve()
      })
    })
    expect(order).toEqual(['timer', 'after the yield'])
  })

  it('reads a form of megabytes over several turns, and an ordinary form in one', async () => {
    counter = turnCounter()
    await readFormData(post(`name=${'a'.repeat(2_000_000)}`))
    expect(counter.stop()).toBeGreaterThanOrEqual(3)
    counter = turnCounter()
    await readFormData(post('name=Ada&regime=SA'))
    expect(counter.stop()).toBe(0)
  })
})
