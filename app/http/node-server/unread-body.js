// What happens to the rest of a request body the app did not read. A route refuses an oversized form (413) as soon
// as it knows, without reading the rest; the client is still sending. Left alone, the connection stalls: the
// request stream stays paused, the client's send buffer fills, and neither side ever finishes. Closing the socket
// at once instead discards unread bytes, which makes the kernel send a reset that can destroy the answer before
// the client reads it. So the rest is read and thrown away, up to a bound:
// - a body that declares a length within the bound is drained, and the connection stays usable (keep-alive);
// - anything else (no declared length, or more than the bound) gets a FIN right after the answer, so a client that
//   reads while it sends stops sending, and is drained up to the bound before the socket is destroyed.
// Nothing is ever drained for longer than the time bound either.

/**
 * Call when a response has finished. Does nothing when the whole body was read (or there never was one).
 * @param {import('node:http').IncomingMessage} req
 * @param {{ maxBytes: number, maxMs: number }} bounds
 */
export function finishUnreadBody(req, bounds) {
  if (req.complete || req.destroyed) return
  const socket = req.socket
  if (!socket || socket.destroyed) return
  // Node's server, answering with Connection: close, has just ended the socket and will destroy it the moment the
  // answer is flushed, unread bytes and all. Take that over: the socket is destroyed once the body is drained.
  const closing = socket.listeners('finish').includes(socket.destroy) || socket.rawListeners('finish').some((l) => l.listener === socket.destroy)
  if (closing) socket.removeListener('finish', socket.destroy)
  const declared = Number(req.headers['content-length'])
  const fits = req.headers['content-length'] !== undefined && Number.isSafeInteger(declared) && declared <= bounds.maxBytes
  let drained = 0
  const stop = () => {
    clearTimeout(timer)
    socket.destroy()
  }
  const timer = setTimeout(stop, bounds.maxMs)
  timer.unref()
  // The app's reader of the body is finished with it: nothing it holds will be read again.
  req.removeAllListeners('data')
  req.on('data', (chunk) => {
    drained += chunk.length
    if (drained > bounds.maxBytes) stop()
  })
  const ending = closing || !fits
  req.once('end', () => {
    clearTimeout(timer)
    if (ending) socket.destroySoon()
  })
  req.once('close', () => clearTimeout(timer))
  if (ending && socket.writable) socket.end()
  req.resume()
}
