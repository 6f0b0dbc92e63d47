/*
 * Presentation mode's state: on or off, and which stage is shown. Stepping frames the current stage's
 * whole column (its header and every lane) in the view, zoomed up to twice the normal size so the
 * notes read from the back of a room. It changes no board data, so it works on a view link too. The
 * presenter's stage goes out through awareness (presence `presenting`); someone who follows them
 * (`following`) steps with it, and breaks away by ending the presentation on their side.
 */
import type { BoardLayout } from '../../../shared/src/layout/grid'
import type { ExternalStore } from '../doc/docStores'
import { setViewport, useUi } from '../state/ui'
import type { Viewport } from '../view/viewport'

export interface PresentationState {
  active: boolean
  /** Index into the layout's stages. */
  index: number
  /** Whom this browser follows (their awareness client id and name); null when it leads or is off. */
  following: { clientId: number; name: string } | null
}

let state: PresentationState = { active: false, index: 0, following: null }
const listeners = new Set<() => void>()

export const presentationState: ExternalStore<PresentationState> = {
  subscribe(listener) {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  getSnapshot: () => state,
}

function set(next: PresentationState): void {
  state = next
  for (const listener of listeners) listener()
}

/** Room for the caption bar at the bottom of the screen and a margin elsewhere (px). */
const INSETS = { top: 28, right: 40, bottom: 150, left: 40 }
/** Speaker-friendly: up to twice the normal size, never past the canvas's own limit. */
const MAX_SCALE = 2

export function stageViewport(
  layout: BoardLayout,
  index: number,
  size: { w: number; h: number },
): Viewport | null {
  const stage = layout.stages[index]
  if (!stage) return null
  const rect = { x: stage.x, y: 0, w: stage.w, h: layout.height }
  const availW = Math.max(1, size.w - INSETS.left - INSETS.right)
  const availH = Math.max(1, size.h - INSETS.top - INSETS.bottom)
  const scale = Math.min(MAX_SCALE, availW / rect.w, availH / rect.h)
  return {
    scale,
    x: INSETS.left + (availW - rect.w * scale) / 2 - rect.x * scale,
    y: INSETS.top + (availH - rect.h * scale) / 2 - rect.y * scale,
  }
}

function show(layout: BoardLayout, index: number): void {
  const count = layout.stages.length
  if (count === 0) return
  const clamped = Math.max(0, Math.min(count - 1, index))
  set({ ...state, active: true, index: clamped })
  const viewport = stageViewport(layout, clamped, useUi.getState().canvasSize)
  if (viewport) setViewport(viewport)
}

export const startPresentation = (layout: BoardLayout, index = 0): void => show(layout, index)
export const nextStage = (layout: BoardLayout): void => show(layout, state.index + 1)
export const previousStage = (layout: BoardLayout): void => show(layout, state.index - 1)
export const goToStage = (layout: BoardLayout, index: number): void => show(layout, index)

export function stopPresentation(): void {
  if (state.active || state.following) set({ ...state, active: false, following: null })
}

/** Starts following a presenter at their stage; `stopPresentation` breaks away. */
export function follow(
  layout: BoardLayout,
  presenter: { clientId: number; name: string },
  index: number,
): void {
  set({ ...state, following: presenter })
  show(layout, index)
}
