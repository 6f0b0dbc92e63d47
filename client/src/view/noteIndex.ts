import type { NoteId } from '../../../shared/src/board/ids'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { SpatialIndex } from '../../../shared/src/scene/spatialIndex'

// Layouts are immutable snapshots, so one index per layout object is always current.
const indexes = new WeakMap<BoardLayout, SpatialIndex<NoteId>>()

/** The spatial index of a layout's note boxes, built once per layout. */
export function noteIndex(layout: BoardLayout): SpatialIndex<NoteId> {
  let index = indexes.get(layout)
  if (!index) {
    index = SpatialIndex.from(layout.notes.entries())
    indexes.set(layout, index)
  }
  return index
}
