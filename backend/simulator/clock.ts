/**
 * `real` follows wall time (from an offset); `manual` moves only when told to
 * (docs/dashscope.md §12.6).
 */
export type ClockMode = 'real' | 'manual'

/** The simulator's single clock: every task duration, expiry and rate window is measured on it. */
export class SimClock {
  private _mode: ClockMode = 'real'
  private _offset = 0
  private _frozen = 0

  constructor(mode: ClockMode) {
    this.setMode(mode)
  }

  get mode(): ClockMode {
    return this._mode
  }

  /** Current simulator time in epoch milliseconds. */
  now(): number {
    return this._mode === 'manual' ? this._frozen : Date.now() + this._offset
  }

  /** Switches mode without a jump: the new mode starts from the current simulator time. */
  setMode(mode: ClockMode): void {
    const now = this.now()
    this._mode = mode
    this.set(now)
  }

  /** Jumps to `ms`; in real mode time keeps flowing from there. */
  set(ms: number): void {
    if (this._mode === 'manual') this._frozen = ms
    else this._offset = ms - Date.now()
  }

  advance(ms: number): void {
    this.set(this.now() + ms)
  }

  /** Back to wall time, as `/__sim/reset` requires. */
  reset(): void {
    this._mode = 'real'
    this._offset = 0
  }
}
