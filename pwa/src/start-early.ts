import { readStartEarly } from './data/history-start.ts'
import { matchRoute } from './routes.ts'

// Imported first by main.ts, so it runs before lit and the frame evaluate: a visit to History
// asks IndexedDB for its first cards while the rest of the app's code is still evaluating.
if (matchRoute(window.location.pathname).route.tag === 'page-history') readStartEarly(true)
