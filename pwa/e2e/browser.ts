import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { randomIp } from './account.ts'

/** Flags that keep Debian's Chromium off Google's services, which the closed network refuses. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const launchOn = (profile: string) =>
  chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 390, height: 844 },
  })

/**
 * A fresh Chromium profile (no service worker or IndexedDB from an earlier run) at phone size.
 * `restart` quits the browser and starts it again on the same profile, as a phone does with an
 * app that was closed: the service worker and IndexedDB stay, nothing runs.
 */
export const launchBrowser = async (): Promise<{
  context: BrowserContext
  restart: () => Promise<BrowserContext>
  close: () => Promise<void>
}> => {
  const profile = await mkdtemp(path.join(tmpdir(), 'addreams-chromium-'))
  let context = await launchOn(profile)
  return {
    context,
    restart: async () => {
      await context.close()
      context = await launchOn(profile)
      return context
    },
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/** A fresh browser (as `launchBrowser`) with one page open. */
export type OpenPage = Awaited<ReturnType<typeof launchBrowser>> & { page: Page }

/**
 * A fresh browser with one page whose requests all come from one random client IP, so the per-IP
 * auth rate limits of one test never reach another.
 */
export const openPage = async (): Promise<OpenPage> => {
  const browser = await launchBrowser()
  await browser.context.setExtraHTTPHeaders({ 'cf-connecting-ip': randomIp() })
  return { ...browser, page: await browser.context.newPage() }
}
