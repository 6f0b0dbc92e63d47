/*
 * What is under a board point, for the gesture machine: a note, a stage or lane header, a cell, the
 * "Unsorted" row, or nothing. Found from the layout alone (the notes' spatial index and shared's hit
 * tests), never from Konva's hit canvases, so it is the same at every level of detail, is right the
 * moment a note is added, and costs no hit-canvas drawing; only the resize handles, which Konva drives
 * itself, are found by Konva (BoardCanvas says 'handle' for them).
 */
import type { Point } from '../../../shared/src/layout/geometry'
import { rectContains } from '../../../shared/src/layout/geometry'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { pointToCell, pointToHeader } from '../../../shared/src/layout/hitTest'
import { noteIndex } from '../view/noteIndex'
import type { Hit } from './gestureMachine'

export function hitAt(layout: BoardLayout, point: Point): Hit {
  const id = noteIndex(layout).at(point)
  if (id) return { kind: 'note', id }
  const header = pointToHeader(layout, point)
  if (header) return { kind: 'header', header }
  const cell = pointToCell(layout, point)
  if (cell) return { kind: 'cell', cell }
  if (layout.unsorted && rectContains(layout.unsorted, point)) return { kind: 'unsorted' }
  return { kind: 'empty' }
}
