/** Asks the app to go to `path` (a same-origin path such as `/history`) through the router. */
export type AppNavigateEvent = CustomEvent<{ path: string; replace?: boolean }>

declare global {
  interface GlobalEventHandlersEventMap {
    'app-navigate': AppNavigateEvent
  }
}

type AppEventMap = {
  [K in keyof GlobalEventHandlersEventMap as K extends `app-${string}`
    ? K
    : never]: GlobalEventHandlersEventMap[K]
}

/** Every app event name: the keys of the event map that start with `app-`. */
export type AppEventName = keyof AppEventMap

/** The `detail` type of an app event. */
export type DetailOf<K extends AppEventName> =
  AppEventMap[K] extends CustomEvent<infer D> ? D : never

/** Dispatches a typed app event that bubbles out of shadow roots. */
export const emit = <K extends AppEventName>(
  el: EventTarget,
  name: K,
  detail: DetailOf<K>
): boolean => el.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }))
