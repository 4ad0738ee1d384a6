/** Trace events that are the renderer running script (nested ones overlap and are merged). */
const SCRIPT = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.evaluateModule',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'EventDispatch',
  'RunMicrotasks',
  'v8.compile',
  'v8.compileModule',
  'V8.Execute',
])

/** Starts a DevTools trace of the page's main thread (script and frame events). */
export const startTrace = async (page) => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline.frame,v8.execute',
    transferMode: 'ReturnAsStream',
  })
  return {
    stop: async () => {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
      await cdp.send('Tracing.end')
      const { stream } = await complete
      let text = ''
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream })
        text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data
        if (chunk.eof) break
      }
      await cdp.send('IO.close', { handle: stream })
      await cdp.detach()
      const parsed = JSON.parse(text)
      return Array.isArray(parsed) ? parsed : parsed.traceEvents
    },
  }
}

const merge = (intervals) => {
  const sorted = intervals.sort((a, b) => a[0] - b[0])
  const out = []
  for (const [start, end] of sorted) {
    const last = out.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else out.push([start, end])
  }
  return out
}

const label = (e) => {
  const url = e.where?.url
  if (!url) return e.name
  const fn = e.where.functionName ? ` ${e.where.functionName}` : ''
  return `${e.name} (${url.split('/').pop()}${fn})`
}

/**
 * Script time (ms) in each frame of the page's main thread: frames are the spans between
 * consecutive BeginMainThreadFrame events, script is the union of script events in them. Each
 * frame also says which outermost script events (by name and script file) took its time.
 */
export const scriptTimePerFrame = (events) => {
  const mains = events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`)
  const scriptBy = new Map()
  for (const e of events) {
    if (e.ph !== 'X' || !SCRIPT.has(e.name) || !e.dur) continue
    const key = `${e.pid}:${e.tid}`
    if (!mains.includes(key)) continue
    if (!scriptBy.has(key)) scriptBy.set(key, [])
    scriptBy.get(key).push(e)
  }
  const [main, scriptEvents] =
    [...scriptBy.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? []
  if (!main) return []
  scriptEvents.sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const outer = []
  for (const e of scriptEvents) {
    const last = outer.at(-1)
    if (!last || e.ts >= last.ts + last.dur) outer.push({ ...e, where: e.args?.data })
    else if (!last.where?.url && e.args?.data?.url) last.where = e.args.data
  }
  const script = merge(scriptEvents.map((e) => [e.ts, e.ts + e.dur]))
  const frames = events
    .filter((e) => e.name === 'BeginMainThreadFrame' && `${e.pid}:${e.tid}` === main)
    .map((e) => e.ts)
    .sort((a, b) => a - b)
  const perFrame = []
  let j = 0
  let k = 0
  for (let i = 0; i + 1 < frames.length; i++) {
    const [from, to] = [frames[i], frames[i + 1]]
    while (j < script.length && script[j][1] <= from) j++
    let us = 0
    for (let m = j; m < script.length && script[m][0] < to; m++) {
      us += Math.min(to, script[m][1]) - Math.max(from, script[m][0])
    }
    const by = {}
    while (k < outer.length && outer[k].ts < from) k++
    for (let m = k; m < outer.length && outer[m].ts < to; m++) {
      by[label(outer[m])] = (by[label(outer[m])] ?? 0) + outer[m].dur / 1000
    }
    perFrame.push({ ms: us / 1000, by })
  }
  return perFrame
}

/** The script events that took the time of frames over `limitMs`, largest share first. */
export const heavyFrameCauses = (perFrame, limitMs) => {
  const total = {}
  for (const frame of perFrame.filter((f) => f.ms > limitMs)) {
    for (const [name, ms] of Object.entries(frame.by)) total[name] = (total[name] ?? 0) + ms
  }
  const sum = Object.values(total).reduce((t, ms) => t + ms, 0)
  return Object.entries(total)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, ms]) => `${name} ${Math.round((ms / sum) * 100)}%`)
}
