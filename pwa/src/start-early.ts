import { readStartEarly } from './data/history-start.ts'
import { matchRoute } from './routes.ts'

// Imported first by main.ts, so it runs before lit and the frame evaluate: a visit to History
// asks IndexedDB for its first cards, and loads the page's module, while the rest of the app's
// code is still evaluating. A page defined by the time the read answers is shown at once.
const { route } = matchRoute(window.location.pathname)
if (route.tag === 'page-history') {
  readStartEarly(true)
  void route.load().catch(() => undefined)
}
