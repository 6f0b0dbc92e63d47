/*
 * Local UI state, one zustand store in small slices: the tool, the selection, the viewport and the
 * note being edited. Never a copy of the document — content lives in the Y.Doc. Actions are plain
 * module functions (zustand's "no store actions" pattern), so panels, commands and the canvas share them.
 *
 * The selection holds record ids of any kind (ids carry their kind, shared/src/board/ids.ts), so that
 * connectors, chips or headers can be selected later without a second selection. Today only notes are
 * ever put in it; code that acts on notes reads `selectedNoteIds`.
 */
import { create } from 'zustand'
import type { InsertSide } from '../../../shared/src/board/gridOrder'
import {
  type ConnectorId,
  isId,
  type LaneId,
  type NoteId,
  type PersonaId,
  type RecordId,
  type TagId,
} from '../../../shared/src/board/ids'
import type { LaneKind } from '../../../shared/src/board/laneKinds/registry'
import type { NoteKind } from '../../../shared/src/board/style'
import type { HeaderRef } from '../../../shared/src/layout/grid'
import type { CellRef } from '../../../shared/src/layout/hitTest'
import type { Size, Viewport } from '../view/viewport'

/**
 * 'select': drag on empty space pans, shift+drag draws a selection box. 'pan': every drag pans.
 * 'connect': a drag from a note to a note or a stage header draws a connector between them.
 */
export type Tool = 'select' | 'pan' | 'connect'

/**
 * What popup is open over the canvas: one header's menu, its rename field, the add form, a delete
 * confirmation, or a note's menu (one at a time, so opening one closes the others).
 */
export type GridEdit =
  | { kind: 'menu'; header: HeaderRef }
  | { kind: 'noteMenu'; note: NoteId }
  /** Confirming a lane kind change that would hide the lane's content. */
  | { kind: 'kindChange'; lane: LaneId; to: LaneKind }
  /** A content lane's cell editor: channel chips, a metric value or a text block. */
  | { kind: 'cell'; cell: CellRef }
  | { kind: 'noteSource'; note: NoteId }
  | { kind: 'rename'; header: HeaderRef }
  /** A stage's goal or description, written under its title. */
  | { kind: 'describe'; header: HeaderRef & { kind: 'stage' } }
  | { kind: 'add'; axis: HeaderRef['kind']; header: HeaderRef | null; side: InsertSide }
  | { kind: 'delete'; header: HeaderRef }

/** The notes a filter highlights: those with any of these tags or of any of these kinds. */
export interface LocalFilter {
  tags: ReadonlySet<TagId>
  kinds: ReadonlySet<NoteKind>
}

export const NO_FILTER: LocalFilter = Object.freeze({ tags: new Set<TagId>(), kinds: new Set<NoteKind>() })

export interface UiState {
  tool: Tool
  selection: ReadonlySet<RecordId>
  viewport: Viewport
  /** The canvas's size in screen pixels, so commands can zoom around its center. */
  canvasSize: Size
  editingNoteId: NoteId | null
  /** The keyboard-shortcuts overlay is open. */
  shortcutsOpen: boolean
  gridEdit: GridEdit | null
  /** The stage or lane header under the pointer, which shows its options button. */
  hoveredHeader: HeaderRef | null
  /** Whose emotion curve a click in an emotion lane sets; null means the board's first persona. */
  activePersona: PersonaId | null
  /** This person's own note filter; when it is empty the filter shared in the document applies. */
  filter: LocalFilter
  /** Whose filter the filter bar's chips change: this person's own, or the one shared with everyone. */
  filterScope: 'local' | 'shared'
  /** The personas side panel is open. */
  personasOpen: boolean
}

const initialState: UiState = {
  tool: 'select',
  selection: new Set(),
  viewport: { x: 0, y: 0, scale: 1 },
  canvasSize: { w: 1, h: 1 },
  editingNoteId: null,
  shortcutsOpen: false,
  gridEdit: null,
  hoveredHeader: null,
  activePersona: null,
  filter: NO_FILTER,
  filterScope: 'local',
  personasOpen: false,
}

export const useUi = create<UiState>()(() => initialState)

export const resetUi = (): void => useUi.setState(initialState, true)

export const setTool = (tool: Tool): void => useUi.setState({ tool })

export const setViewport = (viewport: Viewport): void => useUi.setState({ viewport })

export const setActivePersona = (activePersona: PersonaId | null): void => useUi.setState({ activePersona })

export const setCanvasSize = (canvasSize: Size): void => {
  const prev = useUi.getState().canvasSize
  if (prev.w !== canvasSize.w || prev.h !== canvasSize.h) useUi.setState({ canvasSize })
}

export const selectOnly = (ids: Iterable<RecordId>): void => useUi.setState({ selection: new Set(ids) })

export const toggleSelected = (id: RecordId): void => {
  const next = new Set(useUi.getState().selection)
  if (next.has(id)) next.delete(id)
  else next.add(id)
  useUi.setState({ selection: next })
}

export const addToSelection = (ids: Iterable<RecordId>): void => {
  const next = new Set(useUi.getState().selection)
  for (const id of ids) next.add(id)
  useUi.setState({ selection: next })
}

export const clearSelection = (): void => {
  if (useUi.getState().selection.size > 0) useUi.setState({ selection: new Set() })
}

/** Drops ids that are no longer on the board (a colleague deleted them). */
export const pruneSelection = (exists: (id: RecordId) => boolean): void => {
  const { selection, editingNoteId } = useUi.getState()
  const kept = [...selection].filter(exists)
  if (kept.length !== selection.size) useUi.setState({ selection: new Set(kept) })
  if (editingNoteId && !exists(editingNoteId)) useUi.setState({ editingNoteId: null })
}

export const startEditing = (id: NoteId): void =>
  useUi.setState({ editingNoteId: id, selection: new Set([id]) })

export const stopEditing = (): void => useUi.setState({ editingNoteId: null })

export const setShortcutsOpen = (shortcutsOpen: boolean): void => useUi.setState({ shortcutsOpen })

export const openGridEdit = (gridEdit: GridEdit): void => useUi.setState({ gridEdit })

export const closeGridEdit = (): void => {
  if (useUi.getState().gridEdit) useUi.setState({ gridEdit: null })
}

export const sameHeader = (a: HeaderRef | null | undefined, b: HeaderRef | null | undefined): boolean =>
  a === b || (!!a && !!b && a.kind === b.kind && a.id === b.id)

export const setHoveredHeader = (header: HeaderRef | null): void => {
  if (!sameHeader(useUi.getState().hoveredHeader, header)) useUi.setState({ hoveredHeader: header })
}

export const setPersonasOpen = (personasOpen: boolean): void => useUi.setState({ personasOpen })

function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set)
  if (next.has(value)) next.delete(value)
  else next.add(value)
  return next
}

export const toggleFilterTag = (tag: TagId): void => {
  const { filter } = useUi.getState()
  useUi.setState({ filter: { ...filter, tags: toggled(filter.tags, tag) } })
}

export const toggleFilterKind = (kind: NoteKind): void => {
  const { filter } = useUi.getState()
  useUi.setState({ filter: { ...filter, kinds: toggled(filter.kinds, kind) } })
}

export const clearFilter = (): void => useUi.setState({ filter: NO_FILTER })

export const setFilterScope = (filterScope: UiState['filterScope']): void => useUi.setState({ filterScope })

// Selections are immutable snapshots, so the notes of one are computed once however often it is asked
// (store selectors run on every change of any slice, every pan frame included).
const noteIdsOf = new WeakMap<ReadonlySet<RecordId>, readonly NoteId[]>()

/** The notes in a selection (by default the current one), in the order they were selected. */
export function selectedNoteIds(
  selection: ReadonlySet<RecordId> = useUi.getState().selection,
): readonly NoteId[] {
  let ids = noteIdsOf.get(selection)
  if (!ids) {
    ids = [...selection].filter((id): id is NoteId => isId('note', id))
    noteIdsOf.set(selection, ids)
  }
  return ids
}

export const hasSelectedNotes = (): boolean => selectedNoteIds().length > 0

/** The selected connectors (a click on an arrow selects it). */
export const selectedConnectorIds = (
  selection: ReadonlySet<RecordId> = useUi.getState().selection,
): ConnectorId[] => [...selection].filter((id): id is ConnectorId => isId('connector', id))

// ——— narrow selectors ———
export const selectNoteCount = (s: UiState): number => selectedNoteIds(s.selection).length
export const selectIsSelected =
  (id: RecordId) =>
  (s: UiState): boolean =>
    s.selection.has(id)
export const selectScale = (s: UiState): number => s.viewport.scale
