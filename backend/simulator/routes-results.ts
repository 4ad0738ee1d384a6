import { SimError } from './errors.ts'
import type { Exchange } from './exchange.ts'
import type { SimState } from './state.ts'

/** `GET /results/{yyyymmdd}/{id}-{index}.png?Expires=…&OSSAccessKeyId=SIM&Signature=…`, no auth. */
export const handleResult = (state: SimState, ex: Exchange): void => {
  const result = state.results.lookup(ex.url.pathname, ex.url.searchParams, state.clock.now())
  if (result.failuresLeft > 0) {
    result.failuresLeft -= 1
    throw new SimError('InternalError')
  }
  ex.send(200, 'image/png', result.render())
}
