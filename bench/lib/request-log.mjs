/**
 * The `d1Trips` of the Worker's log line for the request `requestId` (its `x-request-id`), once the
 * Worker has printed it into `log()`.
 */
export const d1TripsOf = async (log, requestId) => {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const line = log()
      .split('\n')
      .find((l) => l.includes(`"requestId":"${requestId}"`))
    if (line) return JSON.parse(line.slice(line.indexOf('{'))).d1Trips
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`no log line for request ${requestId}`)
}
