/*
 * Where pasted notes go. A note copied from a cell whose stage and lane titles both exist on this board
 * (compared trimmed and case-insensitively) returns to that cell: pasting on the same board, or on a
 * board from the same template, keeps the journey's structure. Any other note (plain text, another
 * structure, the "Unsorted" row) lands in the target cell: the one under the pointer, else at the
 * viewport's center. Notes keep their text, color and size; ids are always new.
 */
import type { Lane, NoteInit, Stage } from '../../../shared/src/board/schema'
import type { CellRef } from '../../../shared/src/layout/hitTest'
import type { ClipNote } from './noteClipboard'

const normalize = (title: string): string => title.trim().toLocaleLowerCase()

function byTitle<T extends { title: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>()
  // The first of equal titles wins, so repeated pastes agree on one cell.
  for (const item of items) if (!map.has(normalize(item.title))) map.set(normalize(item.title), item)
  return map
}

export function planPaste(
  notes: readonly ClipNote[],
  stages: readonly Stage[],
  lanes: readonly Lane[],
  target: CellRef,
): NoteInit[] {
  const stageByTitle = byTitle(stages)
  const laneByTitle = byTitle(lanes)
  return notes.map((note) => {
    const stage = note.stage === null ? undefined : stageByTitle.get(normalize(note.stage))
    const lane = note.lane === null ? undefined : laneByTitle.get(normalize(note.lane))
    const cell = stage && lane ? { stageId: stage.id, laneId: lane.id } : target
    const init: NoteInit = { ...cell, text: note.text }
    if (note.color) init.color = note.color
    if (note.w !== undefined) init.w = note.w
    if (note.h !== undefined) init.h = note.h
    return init
  })
}
