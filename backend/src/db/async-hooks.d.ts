// workerd has AsyncLocalStorage under nodejs_compat. Only what the Worker uses is declared here:
// @types/node would bring every Node global into the Worker's types.
declare module 'node:async_hooks' {
  export class AsyncLocalStorage<T> {
    getStore(): T | undefined
    run<R>(store: T, callback: () => R): R
  }
}
