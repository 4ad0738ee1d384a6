// What `cloudflare:workers` gives the Worker's modules when the Node-side tests import them (the
// OpenAPI document is built from the route files). Those tests never run a request, so nothing
// is ever handed to `waitUntil` there.
export const waitUntil = (promise: Promise<unknown>): void => {
  void promise
}
