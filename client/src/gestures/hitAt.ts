/*
 * What is under a board point, for the gesture machine: a note, a stage or lane header, a cell, the
 * "Unsorted" row, or nothing. Found from the layout alone (the notes' spatial index and shared's hit
 * tests), never from Konva's hit canvases, so it is the same at every level of detail, is right the
 * moment a note is added, and costs no hit-canvas drawing; only the resize handles, which Konva drives
 * itself, are found by Konva (BoardCanvas says 'handle' for them).
 */
import type { ConnectorId } from '../../../shared/src/board/ids'
import type { Point } from '../../../shared/src/layout/geometry'
import { rectContains } from '../../../shared/src/layout/geometry'
import { type BoardLayout, GRID } from '../../../shared/src/layout/grid'
import { pointToCell, pointToHeader } from '../../../shared/src/layout/hitTest'
import { noteIndex } from '../view/noteIndex'
import type { Hit } from './gestureMachine'

/**
 * `edgeSlop`: how near (board units) a header's resizable edge counts as on it; 0 (the default) never
 * finds an edge, for callers that ask only what a point is in. `connectorAt`: the arrow near a point, if
 * the caller has the board's connectors (they are drawn over the notes, so they are found first).
 */
export function hitAt(
  layout: BoardLayout,
  point: Point,
  edgeSlop = 0,
  connectorAt?: (point: Point) => ConnectorId | null,
): Hit {
  const connector = connectorAt?.(point)
  if (connector) return { kind: 'connector', id: connector }
  const id = noteIndex(layout).at(point)
  if (id) return { kind: 'note', id }
  const edge = edgeSlop > 0 ? headerEdgeAt(layout, point, edgeSlop) : null
  if (edge) return edge
  const header = pointToHeader(layout, point)
  if (header) return { kind: 'header', header }
  const cell = pointToCell(layout, point)
  if (cell) return { kind: 'cell', cell }
  if (layout.unsorted && rectContains(layout.unsorted, point)) return { kind: 'unsorted' }
  return { kind: 'empty' }
}

/** A stage header's right edge (in the header row) or a lane header's bottom edge (in the header column). */
function headerEdgeAt(layout: BoardLayout, point: Point, slop: number): Hit | null {
  if (point.y >= 0 && point.y < layout.headerH) {
    const stage = layout.stages.find((s) => Math.abs(point.x - (s.x + s.w)) <= slop)
    if (stage) return { kind: 'edge', header: { kind: 'stage', id: stage.id }, from: stage.x }
  }
  if (point.x >= 0 && point.x < GRID.laneHeaderW) {
    const lane = layout.lanes.find((l) => Math.abs(point.y - (l.y + l.h)) <= slop)
    if (lane) return { kind: 'edge', header: { kind: 'lane', id: lane.id }, from: lane.y }
  }
  return null
}
