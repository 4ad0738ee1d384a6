/** The negative prompt every preset but Custom starts from (docs/product.md §5.2). */
export const BASE_NEG =
  'low resolution, worst quality, low quality, blur, distortion, artifacts, disfigured, bad proportions, watermark, text overlay'

/** `size` value meaning "send no size": the output takes the last photo's shape. */
export const MATCH_LAST_PHOTO = 'match'
/** `size` value meaning the width and height fields hold the size. */
export const CUSTOM_SIZE = 'custom'

/** One Product Shoot use case: it sets the shoot direction, negative prompt and size. */
export interface UseCasePreset {
  readonly id: string
  readonly label: string
  readonly description: string
  readonly direction: string
  readonly negativePrompt: string
  /** A `W*H` preset value, or `MATCH_LAST_PHOTO`. */
  readonly size: string
  readonly hint: string
}

/** The use-case presets of docs/product.md §5.2, in display order; the first is the default. */
export const USE_CASE_PRESETS: readonly UseCasePreset[] = [
  {
    id: 'product-hero',
    label: 'Product Hero Shot',
    description: 'Clean, centered product image with studio quality',
    direction:
      'Professional product hero shot, centered composition, studio quality, sharp focus, commercial photography',
    negativePrompt: BASE_NEG,
    size: '1328*1328',
    hint: 'Add background, lighting, and styling details…',
  },
  {
    id: 'lifestyle-scene',
    label: 'Lifestyle Scene',
    description: 'Product in a natural, lifestyle context',
    direction:
      'Lifestyle product photography, natural authentic setting, real-world context, editorial feel',
    negativePrompt: `${BASE_NEG}, generic stock photo, unnatural pose, flat lighting`,
    size: '1664*928',
    hint: 'Describe the scene, setting, and mood…',
  },
  {
    id: 'social-square',
    label: 'Social Post (Square)',
    description: 'Square format optimized for social media feeds',
    direction:
      'Eye-catching social media product image, vibrant colors, engaging composition, scroll-stopping visual',
    negativePrompt: BASE_NEG,
    size: '1328*1328',
    hint: 'Describe the look and feel for your post…',
  },
  {
    id: 'social-story',
    label: 'Story / Vertical',
    description: 'Tall format for stories and reels',
    direction:
      'Vertical product showcase, dynamic composition, bold and attention-grabbing, story-ready format',
    negativePrompt: BASE_NEG,
    size: '928*1664',
    hint: 'Describe the vertical composition…',
  },
  {
    id: 'ecommerce-banner',
    label: 'E-commerce Banner',
    description: 'Wide banner format for shop headers and ads',
    direction:
      'Professional e-commerce banner, clean product presentation, wide composition with breathing room, shop-ready',
    negativePrompt: BASE_NEG,
    size: '1472*1104',
    hint: 'Describe the banner scene and product placement…',
  },
  {
    id: 'custom',
    label: 'Custom',
    description: 'Full control over all parameters',
    direction: '',
    negativePrompt: '',
    size: MATCH_LAST_PHOTO,
    hint: 'Describe the product scene, style, and composition…',
  },
]

/** The preset with `id`, or the default one. */
export const presetById = (id: string): UseCasePreset =>
  USE_CASE_PRESETS.find((preset) => preset.id === id) ?? (USE_CASE_PRESETS[0] as UseCasePreset)

/** One prompt template: a sentence added to the shoot direction. */
export interface PromptTemplate {
  readonly id: string
  readonly label: string
  readonly sentence: string
}

/** A group of templates; at most one of a group is selected. */
export interface TemplateGroup {
  readonly id: string
  readonly label: string
  readonly templates: readonly PromptTemplate[]
}

/** The twelve templates of docs/product.md §5.3 in their four groups. */
export const TEMPLATE_GROUPS: readonly TemplateGroup[] = [
  {
    id: 'background',
    label: 'Background',
    templates: [
      {
        id: 'bg-studio-white',
        label: 'Studio white background',
        sentence: 'Place the product on a clean studio white background with soft shadows',
      },
      {
        id: 'bg-outdoor',
        label: 'Outdoor natural setting',
        sentence: 'Place the product in an outdoor natural setting with greenery and soft sunlight',
      },
      {
        id: 'bg-marble',
        label: 'Marble / stone surface',
        sentence: 'Place the product on a polished marble surface with subtle reflections',
      },
    ],
  },
  {
    id: 'styling',
    label: 'Styling',
    templates: [
      {
        id: 'style-pastel',
        label: 'Minimalist pastel',
        sentence: 'Style with a minimalist pastel color palette and clean geometric shapes',
      },
      {
        id: 'style-holiday',
        label: 'Holiday / seasonal theme',
        sentence: 'Add festive seasonal decorations and warm holiday atmosphere around the product',
      },
      {
        id: 'style-luxury',
        label: 'Luxury / premium feel',
        sentence:
          'Create a premium luxury setting with rich textures, dark tones, and elegant props',
      },
    ],
  },
  {
    id: 'lighting',
    label: 'Lighting',
    templates: [
      {
        id: 'light-dramatic',
        label: 'Dramatic studio lighting',
        sentence: 'Apply dramatic studio lighting with strong contrast and defined shadows',
      },
      {
        id: 'light-natural',
        label: 'Soft natural daylight',
        sentence: 'Light the scene with soft natural daylight from a large window',
      },
      {
        id: 'light-golden',
        label: 'Golden hour warmth',
        sentence: 'Bathe the scene in warm golden hour sunlight with long soft shadows',
      },
    ],
  },
  {
    id: 'composition',
    label: 'Composition',
    templates: [
      {
        id: 'comp-tabletop',
        label: 'Lifestyle tabletop with props',
        sentence: 'Arrange on a styled tabletop with complementary lifestyle props',
      },
      {
        id: 'comp-flatlay',
        label: 'Flat lay overhead',
        sentence: 'Shoot from directly above as a flat lay arrangement on a textured surface',
      },
      {
        id: 'comp-closeup',
        label: 'Close-up detail shot',
        sentence: 'Zoom in for a close-up detail shot highlighting texture and craftsmanship',
      },
    ],
  },
]

/** The template with `id`, if it exists. */
export const templateById = (id: string): PromptTemplate | undefined =>
  TEMPLATE_GROUPS.flatMap((group) => group.templates).find((template) => template.id === id)
