/** Where the manifest's `share_target` posts the shared files. */
export const SHARE_TARGET_PATH = '/share-target'
/** Where the studio picks the shared photos up. */
export const SHARED_STUDIO_PATH = '/studio/product-shoot?shared=1'
