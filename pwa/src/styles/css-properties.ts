import { noChange } from 'lit'
import { type AttributePart, Directive, directive, type PartInfo, PartType } from 'lit/directive.js'

/** CSS properties by their CSS names (`grid-auto-rows`, `--my-var`), with their values. */
export type CssProperties = Readonly<Record<string, string>>

/**
 * Lit's `styleMap`, but every render goes through the CSSOM (`style.setProperty`), the first one
 * included. `styleMap` writes a `style` attribute string first, which the app's CSP refuses
 * (no `'unsafe-inline'` styles); the CSSOM is outside CSP's reach.
 *
 * @example html`<div style=${cssProperties({ height: `${h}px` })}></div>`
 */
class CssPropertiesDirective extends Directive {
  private _names: ReadonlySet<string> = new Set()

  constructor(info: PartInfo) {
    super(info)
    if (
      info.type !== PartType.ATTRIBUTE ||
      info.name !== 'style' ||
      (info.strings?.length ?? 2) > 2
    ) {
      throw new Error('cssProperties must be the whole value of a style attribute')
    }
  }

  render(_properties: CssProperties): typeof noChange {
    return noChange
  }

  override update(part: AttributePart, [properties]: [CssProperties]): typeof noChange {
    const { style } = part.element as HTMLElement
    for (const name of this._names) if (!(name in properties)) style.removeProperty(name)
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value)
    this._names = new Set(Object.keys(properties))
    return noChange
  }
}

export const cssProperties = directive(CssPropertiesDirective)
