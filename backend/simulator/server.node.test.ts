import { describe, expect, it } from 'vitest'
import { startSimulator } from './server.ts'
import { callSync, control, startTestSimulator, textBody } from './test-support.ts'

describe('startSimulator', () => {
  it('should listen on a free port of 127.0.0.1 when given port 0', async () => {
    const [a, b] = await Promise.all([startTestSimulator(), startTestSimulator()])
    try {
      expect(a.url).toBe(`http://127.0.0.1:${a.port}`)
      expect(a.port).not.toBe(b.port)
      expect(a.state.config.keys).toEqual({ 'sk-sim': 'sg' })
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('should refuse unknown options and a port in use', async () => {
    await expect(startSimulator({ profile: 'slow' as 'fast' })).rejects.toThrow()
    const sim = await startTestSimulator()
    try {
      await expect(startSimulator({ port: sim.port })).rejects.toThrow(/EADDRINUSE/)
    } finally {
      await sim.close()
    }
  })

  it('should take its initial clock mode and config from the options', async () => {
    const sim = await startTestSimulator({ clock: 'manual', profile: 'realistic', region: 'bj' })
    try {
      expect(await control(sim, 'GET', 'config')).toMatchObject({
        clock: 'manual',
        profile: 'realistic',
        region: 'bj',
        keys: { 'sk-sim': 'bj' },
      })
    } finally {
      await sim.close()
    }
  })

  it('should close promptly with a hanging call and a call still waiting out its latency', async () => {
    const sim = await startTestSimulator({ profile: 'realistic' })
    // Expectations attached up front, so the rejections during close() are never unhandled.
    const hanging = expect(callSync(sim, textBody('[sim:hang] a cat'))).rejects.toThrow()
    const slow = expect(callSync(sim, textBody('a cat'))).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 100))
    const started = performance.now()
    await sim.close()
    expect(performance.now() - started).toBeLessThan(1_000)
    await hanging
    await slow
  })
})
