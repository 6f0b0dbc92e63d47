/*
 * Presence for one open board: who I am (identity, persisted), what I publish (PresencePublisher, fed
 * from the local UI store and the pointer), and whom I see (PresenceStore). Made next to the board's
 * connection and destroyed with it; components reach it through usePresence.ts.
 */
import type { Awareness } from 'y-protocols/awareness'
import type { StageId } from '../../../shared/src/board/ids'
import type { Point } from '../../../shared/src/layout/geometry'
import type { ExternalStore } from '../doc/docStores'
import { selectedNoteIds, type UiState, useUi } from '../state/ui'
import { screenToBoard, visibleRect } from '../view/viewport'
import {
  type Identity,
  type KeyValueStorage,
  loadIdentity,
  presenceUser,
  resolveColor,
  saveName,
} from './identity'
import { PresencePublisher } from './presencePublisher'
import { PresenceStore } from './presenceStore'

export class PresenceSession {
  readonly peers: PresenceStore
  readonly identity: ExternalStore<Identity>
  private readonly publisher: PresencePublisher
  private me: Identity
  private readonly identityListeners = new Set<() => void>()
  /** Last pointer position over the canvas in screen pixels, re-projected when the view moves. */
  private pointer: Point | null = null
  private readonly disposers: (() => void)[] = []

  constructor(
    private readonly awareness: Awareness,
    private readonly storage: KeyValueStorage,
  ) {
    this.me = loadIdentity(storage)
    this.identity = {
      subscribe: (listener) => {
        this.identityListeners.add(listener)
        return () => this.identityListeners.delete(listener)
      },
      getSnapshot: () => this.me,
    }
    this.peers = new PresenceStore(awareness)
    this.publisher = new PresencePublisher(awareness)
    this.publisher.setUser(presenceUser(this.me))
    // On who is here and what they look like, not on every awareness message (most are cursor moves).
    this.disposers.push(this.peers.peers.subscribe(() => this.avoidColorClash()))
    this.avoidColorClash()
    this.publishUi(useUi.getState(), null)
    this.disposers.push(useUi.subscribe((state, prev) => this.publishUi(state, prev)))

    // Leaving: tell the room at once rather than when the server notices the closed socket.
    const onPageHide = () => awareness.setLocalState(null)
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) this.publisher.resend()
    }
    window.addEventListener('pagehide', onPageHide)
    window.addEventListener('pageshow', onPageShow)
    this.disposers.push(() => {
      window.removeEventListener('pagehide', onPageHide)
      window.removeEventListener('pageshow', onPageShow)
    })
  }

  /** Sets (and remembers) my display name; blank names are ignored. */
  rename(name: string): void {
    const next = saveName(this.storage, this.me, name)
    if (next === this.me) return
    this.me = next
    this.publisher.setUser(presenceUser(next))
    for (const listener of [...this.identityListeners]) listener()
  }

  /** The pointer moved over the canvas (screen pixels relative to it), or left it (null). */
  setPointer(screen: Point | null): void {
    this.pointer = screen
    this.publisher.setCursor(screen ? screenToBoard(useUi.getState().viewport, screen) : null)
  }

  /** I lead a presentation at this stage, or no longer (null): others see it and may follow. */
  setPresenting(presenting: { stageId: StageId } | null): void {
    this.publisher.setPresenting(presenting)
  }

  /** Two people in one color are hard to tell apart: move to a free color while on this board. */
  private avoidColorClash(): void {
    const color = resolveColor(
      this.me.id,
      this.peers.peers.getSnapshot().map((peer) => peer.user),
    )
    if (color === this.me.color) return
    this.me = { ...this.me, color }
    this.publisher.setUser(presenceUser(this.me))
    for (const listener of [...this.identityListeners]) listener()
  }

  get clientId(): number {
    return this.awareness.clientID
  }

  destroy(): void {
    for (const dispose of this.disposers) dispose()
    this.publisher.destroy()
    this.peers.destroy()
  }

  private publishUi(state: UiState, prev: UiState | null): void {
    if (state.selection !== prev?.selection) this.publisher.setSelection(selectedNoteIds(state.selection))
    if (state.editingNoteId !== prev?.editingNoteId) this.publisher.setEditing(state.editingNoteId)
    if (state.viewport !== prev?.viewport || state.canvasSize !== prev?.canvasSize) {
      this.publisher.setView(state.canvasSize.w > 1 ? visibleRect(state.viewport, state.canvasSize) : null)
      // The pointer stays put on screen while the board moves under it: its board position changes.
      if (this.pointer) this.publisher.setCursor(screenToBoard(state.viewport, this.pointer))
    }
  }
}
