/*
 * React hooks over DocStores. Components read the document only through these, so each one
 * re-renders for its own slice: a NoteNode for its note, the grid for the layout, the top bar for
 * the title.
 */

import { createContext, useContext, useMemo, useSyncExternalStore } from 'react'
import type { NoteId } from '../../../shared/src/board/ids'
import type { SharedFilter } from '../../../shared/src/board/records/meta'
import type { Note } from '../../../shared/src/board/schema'
import type { NoteColor } from '../../../shared/src/board/style'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import type { BoardAnatomy, TagInks } from '../../../shared/src/scene/contentItems'
import type { LocalFilter } from '../state/ui'
import { useUi } from '../state/ui'
import { activeFilter, matchingNotes, type NoteFacets } from '../view/noteFilter'
import type { DocStores } from './docStores'

export const DocStoresContext = createContext<DocStores | null>(null)

export function useDocStores(): DocStores {
  const stores = useContext(DocStoresContext)
  if (!stores) throw new Error('useDocStores: no DocStoresContext provider above this component')
  return stores
}

/** The grid and every note's box; a new object only when the structure changes. */
export function useBoardLayout(): BoardLayout {
  const { layout } = useDocStores()
  return useSyncExternalStore(layout.subscribe, layout.getSnapshot)
}

/** Every placed note id, in layout order; changes when notes are added, removed or moved. */
export function useNoteIds(): readonly NoteId[] {
  const layout = useBoardLayout()
  return useMemo(() => [...layout.notes.keys()], [layout])
}

/** One note's fields; re-renders only when this note changes. */
export function useNote(id: NoteId): Note | null {
  const stores = useDocStores()
  const store = useMemo(() => stores.note(id), [stores, id])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** Every note's color; changes when a note is added, removed or recolored (not when it is typed into). */
export function useNoteColors(): ReadonlyMap<NoteId, NoteColor> {
  const { colors } = useDocStores()
  return useSyncExternalStore(colors.subscribe, colors.getSnapshot)
}

export function useBoardTitle(): string {
  const { title } = useDocStores()
  return useSyncExternalStore(title.subscribe, title.getSnapshot)
}

/** Lanes, personas, tags, connectors and the content lanes' values: what the anatomy's layers draw. */
export function useBoardAnatomy(): BoardAnatomy {
  const { anatomy } = useDocStores()
  return useSyncExternalStore(anatomy.subscribe, anatomy.getSnapshot)
}

export function useTagInks(): TagInks {
  const { tagInks } = useDocStores()
  return useSyncExternalStore(tagInks.subscribe, tagInks.getSnapshot)
}

/** Every note's kind and tags; changes only when one of those does. */
export function useNoteFacets(): ReadonlyMap<NoteId, NoteFacets> {
  const { facets } = useDocStores()
  return useSyncExternalStore(facets.subscribe, facets.getSnapshot)
}

export function useSharedFilter(): SharedFilter | undefined {
  const { sharedFilter } = useDocStores()
  return useSyncExternalStore(sharedFilter.subscribe, sharedFilter.getSnapshot)
}

// The last matches computed, for all the drawers that ask in one render (nodes, blocks, bitmap, bar).
let lastMatches: {
  facets: ReadonlyMap<NoteId, NoteFacets>
  local: LocalFilter
  shared: SharedFilter | undefined
  matches: ReadonlySet<NoteId> | null
} | null = null

/**
 * The notes the filter in force highlights (this person's own, else the shared one), or null when no
 * filter applies. One set per change of the filter or of a note's facets, shared by every drawer.
 */
export function useFilterMatches(): ReadonlySet<NoteId> | null {
  const facets = useNoteFacets()
  const shared = useSharedFilter()
  const local = useUi((s) => s.filter)
  const last = lastMatches
  if (last && last.facets === facets && last.local === local && last.shared === shared) return last.matches
  const matches = matchingNotes(facets, activeFilter(local, shared))
  lastMatches = { facets, local, shared, matches }
  return matches
}
