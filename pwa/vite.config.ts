import path from 'node:path'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { workerDataPlugin } from './build/worker-data-plugin.ts'
import pkg from './package.json' with { type: 'json' }
import brand from './src/styles/brand.json' with { type: 'json' }

// The backend (wrangler dev) serves /api; the Worker serves the built app from the same origin.
const api = { '/api': `http://127.0.0.1:${process.env.API_PORT ?? 8787}` }
const define = { __APP_VERSION__: JSON.stringify(pkg.version) }

export default defineConfig({
  define,
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy: api },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy: api },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      // Precache the whole shell: index.html, JS, CSS, icons, favicon. The plugin adds
      // manifest.webmanifest itself; with includeManifestIcons off, the glob lists each icon once.
      includeManifestIcons: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg}'],
        // Install-dialog screenshots are only read by the browser's installer, never offline.
        // The worker's data script is stored by importScripts() at install, not by the precache.
        globIgnores: ['**/screenshots/**', '**/worker-data-*.js'],
        buildPlugins: {
          vite: [workerDataPlugin(path.join(import.meta.dirname, 'src/sw/worker-data.ts'), define)],
        },
      },
      manifest: {
        id: '/',
        name: 'Addreams',
        short_name: 'Addreams',
        description:
          'Studio-quality product shots and ad graphics from your phone, made with Qwen image models.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: brand.primary,
        background_color: brand.background,
        categories: ['photo', 'productivity', 'business'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
        // Shown in the browser's install dialog; made by `npm run screenshots` (docs/screenshots).
        screenshots: [
          {
            src: '/screenshots/landing-narrow.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Addreams: product shots and ad graphics from your phone',
          },
        ],
        // Photos shared from another app open Product Shoot; the service worker answers the POST.
        share_target: {
          action: '/share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { files: [{ name: 'photos', accept: ['image/*'] }] },
        },
        shortcuts: [
          {
            name: 'Product Shoot',
            short_name: 'Product Shoot',
            description: 'Turn photos of your product into staged scenes',
            url: '/studio/product-shoot',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
          {
            name: 'Ad Graphic',
            short_name: 'Ad Graphic',
            description: 'Turn a sentence into an ad graphic',
            url: '/studio/ad-graphic',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
      },
    }),
  ],
})
