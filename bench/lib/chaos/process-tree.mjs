import { execFileSync } from 'node:child_process'

/** Every process below `pid` (children first found, then theirs), read from `ps`. */
const descendantsOf = (pid) => {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
  const found = []
  const queue = [pid]
  while (queue.length > 0) {
    const parent = queue.shift()
    for (const [child, ppid] of rows) {
      if (ppid === parent && !found.includes(child)) {
        found.push(child)
        queue.push(child)
      }
    }
  }
  return found
}

const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Sends `signal` to `pid` and every process below it, found before the first signal so that none
 * escapes by being re-parented, and waits until all are gone. wrangler starts workerd in a process
 * group of its own, so killing one group would leave the database's writer running.
 */
export const killTree = async (pid, signal) => {
  const all = [pid, ...descendantsOf(pid)]
  for (const p of all) {
    try {
      process.kill(p, signal)
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 30_000
  while (all.some(alive)) {
    if (Date.now() > deadline) throw new Error(`processes ${all.filter(alive)} outlived ${signal}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
