/** The two workflows, with the names and one-line descriptions the UI shows. */
export const WORKFLOWS = {
  'product-shoot': {
    name: 'Product Shoot',
    path: '/studio/product-shoot',
    description: 'Turn 1 to 3 photos of your product into staged, studio-lit scenes.',
  },
  'ad-graphic': {
    name: 'Ad Graphic',
    path: '/studio/ad-graphic',
    description: 'Describe an ad in a sentence and get a finished graphic, words included.',
  },
} as const

/** A workflow id: `product-shoot` or `ad-graphic`. */
export type Workflow = keyof typeof WORKFLOWS

/** Where "Buy credits" leads for one workflow: the page with its packs. */
export const buyCreditsPath = (workflow: Workflow): string => `/credits?workflow=${workflow}`
