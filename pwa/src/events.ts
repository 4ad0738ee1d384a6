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

/** A studio field changed; `name` is the field of the studio form, `value` its new value. */
export type AppStudioFieldEvent = CustomEvent<{ name: string; value: string | number | boolean }>
/** A studio field lost focus (validation runs on blur). */
export type AppStudioBlurEvent = CustomEvent<{ name: string }>
/** The user asked for another studio step (0-based). */
export type AppStudioStepEvent = CustomEvent<{ index: number }>
/** The user picked or dropped photos for Product Shoot. */
export type AppStudioPhotosEvent = CustomEvent<{ files: File[] }>
/** The user moved a photo from one place to another (0-based). */
export type AppStudioPhotoMoveEvent = CustomEvent<{ from: number; to: number }>
/** The user asked to remove a photo (0-based). */
export type AppStudioPhotoRemoveEvent = CustomEvent<{ index: number }>
/** The user chose a use-case preset. */
export type AppStudioPresetEvent = CustomEvent<{ id: string }>
/** The user turned a prompt template on or off. */
export type AppStudioTemplateEvent = CustomEvent<{ groupId: string; templateId: string }>
/** An action of the studio's result view: generate again, edit, or start a new one. */
export type AppStudioResultActionEvent = CustomEvent<{ action: 'again' | 'edit' | 'new' }>

declare global {
  interface GlobalEventHandlersEventMap {
    'app-studio-field': AppStudioFieldEvent
    'app-studio-blur': AppStudioBlurEvent
    'app-studio-step': AppStudioStepEvent
    'app-studio-photos': AppStudioPhotosEvent
    'app-studio-photo-move': AppStudioPhotoMoveEvent
    'app-studio-photo-remove': AppStudioPhotoRemoveEvent
    'app-studio-preset': AppStudioPresetEvent
    'app-studio-template': AppStudioTemplateEvent
    'app-studio-result-action': AppStudioResultActionEvent
  }
}

/** The History filters changed; `filter` is the whole new filter. */
export type AppHistoryFilterEvent = CustomEvent<{
  filter: import('./data/history-item.ts').HistoryFilter
}>

declare global {
  interface GlobalEventHandlersEventMap {
    'app-history-filter': AppHistoryFilterEvent
  }
}

/** The user asked to download (`download`) or share (`share`) output image `index`. */
export type AppImageActionEvent = CustomEvent<{ index: number; action: 'download' | 'share' }>

declare global {
  interface GlobalEventHandlersEventMap {
    'app-image-action': AppImageActionEvent
  }
}

/**
 * An action of a History card or the detail page (docs/product.md §8); `id` names the card's item
 * where several are shown.
 */
export type AppHistoryActionEvent = CustomEvent<{
  action: 'again' | 'edit' | 'cancel' | 'delete' | 'discard' | 'resend'
  id?: string
}>

declare global {
  interface GlobalEventHandlersEventMap {
    'app-history-action': AppHistoryActionEvent
  }
}

/** Something on the Settings page freed or used storage; the estimate should be read again. */
export type AppStorageChangedEvent = CustomEvent<Record<string, never>>

declare global {
  interface GlobalEventHandlersEventMap {
    'app-storage-changed': AppStorageChangedEvent
  }
}

/** The password was changed; the other devices were signed out, so the device list is stale. */
export type AppPasswordChangedEvent = CustomEvent<Record<string, never>>

declare global {
  interface GlobalEventHandlersEventMap {
    'app-password-changed': AppPasswordChangedEvent
  }
}
