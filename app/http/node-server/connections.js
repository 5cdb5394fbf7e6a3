// The connections of one server, for a graceful shutdown that neither resets a connection a client has already
// made nor cuts off a request in flight.
//
// Two things make Node's own helpers unsafe here. libuv accepts one queued connection per turn of the event loop,
// so while pages are being rendered, connections the kernel has already completed wait in its accept queue: closing
// the listener then resets every one of them. And `server.close()` and `closeIdleConnections()` treat a connection
// whose request has arrived but not yet been read as idle, and destroy it. So the listener is closed only once a
// turn of the loop has accepted nothing and no request is in flight, and a connection counts as idle only once it
// has been answered, or has sent nothing for a whole turn of the loop.
import net from 'node:net'

/** How often, while stopping, the server checks whether it has caught up. */
const TICK_MS = 10

/**
 * @param {import('node:http').Server} server
 */
export function trackConnections(server) {
  /** @type {Map<import('node:net').Socket, { busy: number, served: number }>} */
  const sockets = new Map()
  let acceptedSinceCheck = 0

  server.on('connection', (socket) => {
    acceptedSinceCheck++
    sockets.set(socket, { busy: 0, served: 0 })
    socket.once('close', () => sockets.delete(socket))
  })
  server.on('request', (req, res) => {
    const state = sockets.get(req.socket)
    if (!state) return
    // Busy until the answer is sent and the body has been read (or drained): closing earlier would reset it.
    state.busy++
    let pending = 2
    const done = () => {
      if (--pending > 0) return
      state.busy--
      state.served++
    }
    res.once('close', done)
    if (req.complete) done()
    else {
      let read = false
      const bodyRead = () => {
        if (read) return
        read = true
        done()
      }
      req.once('end', bodyRead)
      req.once('close', bodyRead)
    }
  })

  const inFlight = () => [...sockets.values()].reduce((n, s) => n + s.busy, 0)
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
  // After a timer, one setImmediate: the check then runs after the poll phase of that turn, so a connection the
  // kernel had queued is accepted (and counted) before the check looks.
  const turn = () => new Promise((resolve) => setTimeout(() => setImmediate(resolve), TICK_MS))

  // An answer handed to the socket may still be waiting in its buffer for a slow client: end those, so it is sent
  // before the connection closes; destroy the rest.
  const ending = new WeakSet()
  function closeIdle() {
    for (const [socket, state] of sockets) {
      if (state.busy > 0 || ending.has(socket)) continue
      if (socket.writableLength > 0) {
        ending.add(socket)
        socket.destroySoon()
      } else socket.destroy()
    }
  }

  return {
    inFlight,
    /**
     * Stops listening once the server has caught up: no request in flight, and a whole turn of the event loop in
     * which nothing new was accepted. Gives up waiting at the deadline.
     */
    async stopListening(deadline) {
      acceptedSinceCheck = 0
      for (;;) {
        await turn()
        const caughtUp = acceptedSinceCheck === 0 && inFlight() === 0
        acceptedSinceCheck = 0
        if (caughtUp || Date.now() >= deadline) break
      }
      // net's close, not http's: http's would also destroy every connection whose request has not been read yet.
      net.Server.prototype.close.call(server)
    },
    /** Closes connections as they fall idle until none is left, or the deadline passes; true if none is left. */
    async drain(deadline) {
      for (;;) {
        closeIdle()
        if (sockets.size === 0) return true
        if (Date.now() >= deadline) return false
        await sleep(TICK_MS)
      }
    },
    closeAll() {
      for (const socket of sockets.keys()) socket.destroy()
    },
  }
}
