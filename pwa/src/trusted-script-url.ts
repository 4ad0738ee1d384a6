/** The part of the Trusted Types API used here; TypeScript's DOM types do not have it. */
interface TrustedTypes {
  createPolicy(
    name: string,
    rules: { createScriptURL(input: string): string }
  ): { createScriptURL(input: string): string }
}

/**
 * `url` as a TrustedScriptURL where the browser enforces Trusted Types, else `url` itself. The
 * app's CSP requires them for script URLs (registering the service worker, `importScripts`), so
 * each such URL gets a policy of its own, named in the CSP's `trusted-types`, that vouches for that
 * one URL and nothing else. The result is typed as the string it stands for: every sink it goes to
 * also takes a string. A policy name can be created once per page or worker.
 */
export const trustedScriptUrl = (policyName: string, url: string): string => {
  const factory = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes
  if (!factory) return url
  const policy = factory.createPolicy(policyName, {
    createScriptURL: (input) => {
      if (input !== url) throw new TypeError(`${policyName} vouches for ${url} only`)
      return input
    },
  })
  return policy.createScriptURL(url)
}
