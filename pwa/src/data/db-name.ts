/** The IndexedDB database of the app; its own module so it can be looked for without Dexie. */
export const DB_NAME = 'addreams'
