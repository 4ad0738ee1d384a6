import { createServer } from 'node:net'

// Below every common kernel's own range (Linux 32768-60999, macOS and Windows 49152-65535): the
// kernel never gives these to a `listen(0)` or an outgoing connection, so a port chosen here stays
// free until its server binds it, even when that happens much later (a test Worker's bindings are
// fixed before its stand-ins listen).
const LOW = 15_000
const HIGH = 32_000

const given = new Set()

const canListen = (port) =>
  new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })

/** A TCP port on 127.0.0.1 that nothing listens on now, and not given before in this process. */
export const freePort = async () => {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW))
    if (given.has(port) || !(await canListen(port))) continue
    given.add(port)
    return port
  }
  throw new Error(`No free port between ${LOW} and ${HIGH} after 100 tries`)
}
