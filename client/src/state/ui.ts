/**
 * Local UI state, one zustand store in small slices: the tool, the selection, the viewport and the
 * note being edited. Never a copy of the document — content lives in the Y.Doc. Actions are plain
 * module functions (zustand's "no store actions" pattern), so panels, commands and the canvas share them.
 */
import { create } from 'zustand'
import type { NoteId } from '../../../shared/src/board/ids'
import type { Size, Viewport } from '../scene/viewport'

/** 'select': drag on empty space pans, shift+drag draws a selection box. 'pan': every drag pans. */
export type Tool = 'select' | 'pan'

export interface UiState {
  tool: Tool
  selection: ReadonlySet<NoteId>
  viewport: Viewport
  /** The canvas's size in screen pixels, so commands can zoom around its center. */
  canvasSize: Size
  editingNoteId: NoteId | null
  /** The keyboard-shortcuts overlay is open. */
  shortcutsOpen: boolean
}

const initialState: UiState = {
  tool: 'select',
  selection: new Set(),
  viewport: { x: 0, y: 0, scale: 1 },
  canvasSize: { w: 1, h: 1 },
  editingNoteId: null,
  shortcutsOpen: false,
}

export const useUi = create<UiState>()(() => initialState)

export const resetUi = (): void => useUi.setState(initialState, true)

export const setTool = (tool: Tool): void => useUi.setState({ tool })

export const setViewport = (viewport: Viewport): void => useUi.setState({ viewport })

export const setCanvasSize = (canvasSize: Size): void => {
  const prev = useUi.getState().canvasSize
  if (prev.w !== canvasSize.w || prev.h !== canvasSize.h) useUi.setState({ canvasSize })
}

export const selectOnly = (ids: Iterable<NoteId>): void => useUi.setState({ selection: new Set(ids) })

export const toggleSelected = (id: NoteId): void => {
  const next = new Set(useUi.getState().selection)
  if (next.has(id)) next.delete(id)
  else next.add(id)
  useUi.setState({ selection: next })
}

export const addToSelection = (ids: Iterable<NoteId>): void => {
  const next = new Set(useUi.getState().selection)
  for (const id of ids) next.add(id)
  useUi.setState({ selection: next })
}

export const clearSelection = (): void => {
  if (useUi.getState().selection.size > 0) useUi.setState({ selection: new Set() })
}

/** Drops ids that are no longer on the board (a colleague deleted them). */
export const pruneSelection = (exists: (id: NoteId) => boolean): void => {
  const { selection, editingNoteId } = useUi.getState()
  const kept = [...selection].filter(exists)
  if (kept.length !== selection.size) useUi.setState({ selection: new Set(kept) })
  if (editingNoteId && !exists(editingNoteId)) useUi.setState({ editingNoteId: null })
}

export const startEditing = (id: NoteId): void =>
  useUi.setState({ editingNoteId: id, selection: new Set([id]) })

export const stopEditing = (): void => useUi.setState({ editingNoteId: null })

export const setShortcutsOpen = (shortcutsOpen: boolean): void => useUi.setState({ shortcutsOpen })

// ——— narrow selectors ———
export const selectIsSelected =
  (id: NoteId) =>
  (s: UiState): boolean =>
    s.selection.has(id)
export const selectScale = (s: UiState): number => s.viewport.scale
