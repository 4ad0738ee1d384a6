import { exports } from 'cloudflare:workers'
import { type ApiErrorBody, apiErrorBodySchema } from '@app/shared-types'

/** Calls the Worker in-process, as a browser on the same origin would. */
export const call = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(new URL(path, 'http://127.0.0.1:8787'), init))

/** Parses an error answer with the shared envelope schema, so a wrong shape fails the test. */
export const errorBody = async (res: Response): Promise<ApiErrorBody['error']> =>
  apiErrorBodySchema.parse(await res.json()).error
