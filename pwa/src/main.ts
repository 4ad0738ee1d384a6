import './styles/tokens.css'
import './app-root.ts'
import { Workbox } from 'workbox-window'

// Only production builds have a service worker: in `vite` dev, /sw.js would be answered with
// index.html and fail to register (stack.md §6.2).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void new Workbox('/sw.js').register()
}
