import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { freePort } from '../../scripts/lib/free-port.mjs'

const RANGE_FILE = '/proc/sys/net/ipv4/ip_local_port_range'

/** The ports the kernel hands out on its own (port 0, outgoing connections). */
const ephemeralRange = (): [number, number] => {
  if (!existsSync(RANGE_FILE)) return [32768, 60999]
  const [low, high] = readFileSync(RANGE_FILE, 'utf8').trim().split(/\s+/).map(Number)
  return [low ?? 32768, high ?? 60999]
}

const listen = (port: number) =>
  new Promise<() => Promise<void>>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () =>
      resolve(() => new Promise((done) => server.close(() => done())))
    )
  })

describe('freePort', () => {
  // A port is chosen long before it is bound (a test Worker's bindings are fixed first); one the
  // kernel may give to any socket meanwhile (an outgoing connection, a `listen(0)`) is lost.
  it('should choose ports the kernel never hands out by itself', async () => {
    const [low, high] = ephemeralRange()
    for (let i = 0; i < 50; i++) {
      const port = await freePort()
      expect(port < low || port > high, `${port} is in ${low}-${high}`).toBe(true)
    }
  })

  it('should never choose the same port twice in one process', async () => {
    const ports = new Set<number>()
    for (let i = 0; i < 200; i++) ports.add(await freePort())
    expect(ports.size).toBe(200)
  })

  it('should choose a port that can be listened on', async () => {
    const close = await listen(await freePort())
    await close()
  })
})
