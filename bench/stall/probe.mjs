// Loaded into the server process by bench/stall (node --import): measures how long the event loop was held between
// a "reset" and a "report" message from the benchmark, with a 1 ms timer histogram.
import { monitorEventLoopDelay } from 'node:perf_hooks'

const histogram = monitorEventLoopDelay({ resolution: 1 })
histogram.enable()

if (process.send) {
  process.channel?.unref()
  process.on('message', (message) => {
    if (message === 'reset') {
      histogram.reset()
      process.send({ reset: true })
    } else if (message === 'report') {
      process.send({ maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6 })
    }
  })
}
