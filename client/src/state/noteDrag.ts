/*
 * The notes being dragged and how far, for the one drag path at every level of detail. Kept out of the
 * zustand store on purpose, in two parts that change at different rates: which notes are dragged
 * changes twice a drag (React renders then: the notes layer leaves them out and the drag layer draws
 * them), the offset on every pointer move (nothing renders: the drag layer is moved and redrawn). One
 * instance per canvas, made by BoardCanvas and handed to the layers, like the notes bitmap.
 */
import type { NoteId } from '../../../shared/src/board/ids'
import type { Point } from '../../../shared/src/layout/geometry'

type Listener = () => void

const ORIGIN: Point = { x: 0, y: 0 }

export class NoteDrag {
  private ids: ReadonlySet<NoteId> | null = null
  private at: Point = ORIGIN
  private readonly listeners = new Set<Listener>()
  private readonly moveListeners = new Set<Listener>()

  /** For useSyncExternalStore: called when a drag starts or ends. */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The dragged notes, or null when no drag is under way; a new set each drag. */
  readonly getIds = (): ReadonlySet<NoteId> | null => this.ids

  /** How far the dragged notes are drawn from their places (board units). */
  get offset(): Point {
    return this.at
  }

  /** Called on every offset change, without React. */
  readonly onMove = (listener: Listener): (() => void) => {
    this.moveListeners.add(listener)
    return () => this.moveListeners.delete(listener)
  }

  start(ids: Iterable<NoteId>): void {
    this.ids = new Set(ids)
    this.at = ORIGIN
    for (const listener of [...this.listeners]) listener()
  }

  move(offset: Point): void {
    if (!this.ids) return
    this.at = offset
    for (const listener of [...this.moveListeners]) listener()
  }

  /** Ends the drag; returns the notes that were dragged (empty when none was under way). */
  end(): NoteId[] {
    const ids = this.ids ? [...this.ids] : []
    if (!this.ids) return ids
    this.ids = null
    this.at = ORIGIN
    for (const listener of [...this.listeners]) listener()
    return ids
  }
}
