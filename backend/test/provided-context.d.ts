import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the DashScope simulator started by test/simulator-setup.ts. */
    simulatorUrl: string
  }
}
