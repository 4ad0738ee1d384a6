import { css, html, LitElement, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { repeat } from 'lit/directives/repeat.js'
import { afterPaint } from '../after-paint.ts'
import { type HistoryItem, itemState } from '../data/history-item.ts'
import { type HistoryReads, loadHistoryReads } from '../data/history-reads.ts'
import { cssProperties } from '../styles/css-properties.ts'
import type { HistoryCard } from './history-card.ts'
import './history-card.ts'
import { itemLabel } from '../format.ts'
import {
  type GridGeometry,
  rememberedGeometry,
  rememberGeometry,
} from '../history/grid-geometry.ts'
import {
  CARD_INFO_HEIGHT,
  GRID_GAP,
  type GridLayout,
  type GridWindow,
  gridLayout,
  OVERSCAN_ROWS,
  targetIndex,
  visibleWindow,
} from '../history/grid-layout.ts'

interface WindowData {
  readonly items: ReadonlyMap<string, HistoryItem>
  /** Object URLs, kept and revoked by data/thumbnail-urls.ts. */
  readonly thumbnails: ReadonlyMap<string, string>
}

const loadWindow = async (reads: HistoryReads, ids: readonly string[]): Promise<WindowData> => {
  const [items, thumbnails] = await Promise.all([reads.historyItems(ids), reads.thumbnailUrls(ids)])
  return { items: new Map(items.map((item) => [item.id, item])), thumbnails }
}

/**
 * The History grid, virtualized: it is as tall as all `ids` would be, but renders only the rows
 * in view plus a small overscan, reading those cards (and their thumbnails) with plain queries,
 * again whenever the local data changes.
 * Each card is a link in the tab order; arrow keys, Home and End move between cards and bring
 * far ones into view first.
 */
@customElement('history-grid')
export class HistoryGrid extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
    }
    .list {
      position: relative;
    }
    .window {
      position: absolute;
      top: 0;
      right: 0;
      left: 0;
      display: grid;
    }
    .pending {
      border-radius: var(--app-radius-md);
      background: var(--app-color-surface-2);
    }
  `

  /** Every card's id in display order, from `historyIds(filter)`. */
  @property({ attribute: false }) ids: readonly string[] = []
  /** Cards already read (with the app's start), drawn at once until the grid's own read answers. */
  @property({ attribute: false }) initialItems: readonly HistoryItem[] | undefined

  @state() private _layout: GridLayout = gridLayout(360)
  @state() private _window: GridWindow = { start: 0, end: 0 }

  /** The cards of the current window; read again when the window moves or local data changes. */
  @state() private _cards: WindowData | undefined
  private _reads = 0
  /** Set by a local change until a read of the whole window has answered. */
  private _stale = false
  /** The queries, loaded after the first paint when the grid starts with cards it was given. */
  private _historyReads: Promise<HistoryReads> | undefined
  /** Counts connections, so that a watch set up after a disconnect is dropped. */
  private _connections = 0
  private _stopWatching: (() => void) | undefined
  private readonly _resize = new ResizeObserver(() => this._measure())
  private _frame = 0
  /** The `ids` the current window query was made for; a new array means a new query. */
  private _queriedIds: readonly string[] = []
  /**
   * Rows drawn beyond the visible ones: none for the cards given with the app's start, until they
   * have painted, so the first card waits for no card off screen.
   */
  private _overscan = OVERSCAN_ROWS
  /** A card to focus once its data has loaded (it was off screen when asked for). */
  private _focusIndex: number | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('scroll', this._onScroll, { passive: true })
    window.addEventListener('resize', this._onScroll, { passive: true })
    this._resize.observe(this)
    const connection = ++this._connections
    void this._queries().then((reads) => {
      if (connection !== this._connections) return
      this._stopWatching = reads.onLocalChange(['generations', 'outbox', 'thumbnails'], () => {
        this._stale = true
        this._read()
      })
    })
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('scroll', this._onScroll)
    window.removeEventListener('resize', this._onScroll)
    this._resize.disconnect()
    this._connections++
    this._stopWatching?.()
    this._stopWatching = undefined
    cancelAnimationFrame(this._frame)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    let remembered: GridGeometry | undefined
    if (!this._cards && this.initialItems?.length) {
      // The resize observer's first call, after the frame's layout and before its paint,
      // corrects a geometry that no longer holds.
      remembered = rememberedGeometry()
      this._overscan = 0
      void afterPaint().then(() => {
        this._overscan = OVERSCAN_ROWS
        this._measure()
      })
      this._cards = {
        items: new Map(this.initialItems.map((item) => [item.id, item])),
        thumbnails: new Map(),
      }
      // The window's read brings their thumbnails, and any change since, after the first paint.
      this._stale = true
    }
    if (changed.has('ids')) this._measure(remembered)
  }

  protected override updated(): void {
    if (this._focusIndex === undefined) return
    const card = this.renderRoot.querySelector<HistoryCard>(
      `history-card[data-index="${this._focusIndex}"]`
    )
    if (!card) return
    this._focusIndex = undefined
    // A card created in this render has not rendered its link yet.
    void card.updateComplete.then(() => card.focus())
  }

  override render() {
    const { start, end } = this._window
    const { columns, cardHeight, rowHeight } = this._layout
    const rows = Math.ceil(this.ids.length / columns)
    const data = this._cards
    const windowIds = this.ids.slice(start, end)
    return html`<div
      class="list"
      role="list"
      aria-label="Generations"
      style=${cssProperties({ height: `${Math.max(0, rows * rowHeight - GRID_GAP)}px` })}
      @keydown=${this._onKeyDown}
    >
      <div
        class="window"
        role="none"
        style=${cssProperties({
          transform: `translateY(${(start / columns) * rowHeight}px)`,
          'grid-template-columns': `repeat(${columns}, minmax(0, 1fr))`,
          'grid-auto-rows': `${cardHeight}px`,
          gap: `${GRID_GAP}px`,
          '--history-card-info-height': `${CARD_INFO_HEIGHT}px`,
        })}
      >
        ${repeat(
          windowIds,
          (id) => id,
          (id, i) => {
            const item = data?.items.get(id)
            if (!item) {
              return html`<div class="pending" role="listitem" aria-busy="true" aria-label="Loading"></div>`
            }
            const state = itemState(item)
            return html`<history-card
              role="listitem"
              aria-posinset=${start + i + 1}
              aria-setsize=${this.ids.length}
              data-index=${start + i}
              .item=${item}
              .state=${state}
              .label=${itemLabel(item, state)}
              .thumbnail=${data?.thumbnails.get(id)}
            ></history-card>`
          }
        )}
      </div>
    </div>`
  }

  /** Moves keyboard focus to card `index`, scrolling it into view and rendering it first. */
  focusCard(index: number): void {
    if (index < this._window.start || index >= this._window.end) {
      const top = this.getBoundingClientRect().top + window.scrollY
      const row = Math.floor(index / this._layout.columns)
      window.scrollTo({ top: top + row * this._layout.rowHeight - this._layout.rowHeight / 2 })
      this._measure()
    }
    this._focusIndex = index
    this.requestUpdate()
  }

  private _queries(): Promise<HistoryReads> {
    this._historyReads ??= loadHistoryReads(Boolean(this.initialItems?.length))
    return this._historyReads
  }

  /**
   * Picks the rows to render from the grid's place on screen, or from `known` for a start, which
   * is at the top of the page (reading the scroll position would lay the page out too).
   */
  private _measure(known?: GridGeometry): void {
    const rect = known ?? this.getBoundingClientRect()
    if (!known && rect.width > 0) {
      rememberGeometry({ width: rect.width, top: rect.top + window.scrollY })
    }
    const layout = rect.width > 0 ? gridLayout(rect.width) : this._layout
    if (layout.columns !== this._layout.columns || layout.cardWidth !== this._layout.cardWidth) {
      this._layout = layout
    }
    const next = visibleWindow(
      layout,
      this.ids.length,
      rect.top,
      window.innerHeight,
      this._overscan
    )
    const ids = this.ids
    const same = next.start === this._window.start && next.end === this._window.end
    if (same && ids === this._queriedIds) return
    this._window = next
    this._queriedIds = ids
    this._read()
  }

  /**
   * Reads the window's cards: only those new to it while the local data is unchanged, all of them
   * after a change. An answer to an older read (the window has moved since) is dropped.
   */
  private _read(): void {
    const read = ++this._reads
    const whole = this._stale
    const { start, end } = this._window
    const ids = this._queriedIds.slice(start, end)
    const known = whole ? undefined : this._cards
    const wanted = known ? ids.filter((id) => !known.items.has(id)) : ids
    this._queries()
      .then((reads) => loadWindow(reads, wanted))
      .then(
        (fresh) => {
          if (read !== this._reads) return
          if (whole) this._stale = false
          const items = new Map<string, HistoryItem>()
          const thumbnails = new Map<string, string>()
          for (const id of ids) {
            const item = fresh.items.get(id) ?? known?.items.get(id)
            if (item) items.set(id, item)
            const thumbnail = fresh.thumbnails.get(id) ?? known?.thumbnails.get(id)
            if (thumbnail) thumbnails.set(id, thumbnail)
          }
          this._cards = { items, thumbnails }
        },
        (error: unknown) => console.error(error)
      )
  }

  private readonly _onScroll = (): void => {
    cancelAnimationFrame(this._frame)
    this._frame = requestAnimationFrame(() => this._measure())
  }

  private _onKeyDown(event: KeyboardEvent): void {
    const card = event
      .composedPath()
      .find(
        (node): node is HTMLElement =>
          node instanceof HTMLElement && node.localName === 'history-card'
      )
    if (!card) return
    const index = Number(card.dataset.index)
    const target = targetIndex(event.key, index, this._layout.columns, this.ids.length)
    if (target === undefined || target === index) return
    event.preventDefault()
    this.focusCard(target)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'history-grid': HistoryGrid
  }
}
