// The app's CSP forbids eval, so zod cannot compile its parsers. Left alone it still tries
// `new Function` once, as its first object schema is made, and the browser reports that caught
// attempt as a violation. `z.config({ jitless: true })` stops it only if it runs before any schema
// is made, and importing zod here would put zod into the landing page's bundle. So this writes
// the setting where zod keeps it: one global object, shared by every copy of zod (the page's
// chunks, the service worker's data script), which zod creates only when it is missing.
// main.ts and sw.ts run this first; zod-without-eval.test.ts checks zod still reads it.
Object.assign(globalThis, { __zod_globalConfig: { jitless: true } })
