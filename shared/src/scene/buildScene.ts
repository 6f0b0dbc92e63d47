/**
 * What to draw where, computed from a board's content without Konva: the canvas draws it, the PDF and
 * image exporters draw the very same scene. Geometry comes from layout/grid, inks from the palette.
 */
import type { NoteId } from '../board/ids'
import { getLaneKind } from '../board/laneKinds/registry'
import type { BoardContent } from '../board/schema'
import type { Rect } from '../layout/geometry'
import { type BoardLayout, computeLayout, GRID } from '../layout/grid'
import { BOARD_INK, NOTE_INK } from './palette'

export interface SceneLabel extends Rect {
  text: string
  /** A second, smaller line under the text (the Unsorted row says what it holds). */
  caption?: string
  fill: string
  textColor: string
  /** The strip at a lane header's left edge. */
  accent?: string
}

export interface SceneNote extends Rect {
  id: NoteId
  text: string
  fill: string
  border: string
  textColor: string
}

export interface Scene {
  title: string
  width: number
  height: number
  background: string
  stageHeaders: SceneLabel[]
  laneHeaders: SceneLabel[]
  cells: (Rect & { fill: string })[]
  notes: SceneNote[]
  layout: BoardLayout
}

export type GridScene = Pick<
  Scene,
  'width' | 'height' | 'background' | 'stageHeaders' | 'laneHeaders' | 'cells'
>

/**
 * The grid part of the scene (headers and cells) from a layout alone. The canvas draws it on its static
 * layer and redraws it only when the layout changes, not when a note's text or color does.
 */
export function buildGridScene(layout: BoardLayout): GridScene {
  const stageHeaders = layout.stages.map((s) => ({
    x: s.x,
    y: 0,
    w: s.w,
    h: GRID.stageHeaderH,
    text: s.title,
    fill: BOARD_INK.stageHeaderFill,
    textColor: BOARD_INK.stageHeaderText,
  }))
  const laneHeaders: SceneLabel[] = layout.lanes.map((l) => ({
    x: 0,
    y: l.y,
    w: GRID.laneHeaderW,
    h: l.h,
    text: l.title,
    fill: BOARD_INK.headerFill,
    textColor: BOARD_INK.laneHeaderText,
    accent: getLaneKind(l.kind).scene.headerAccent,
  }))
  if (layout.unsorted) {
    laneHeaders.push({
      x: 0,
      y: layout.unsorted.y,
      w: layout.unsorted.x,
      h: layout.unsorted.h,
      text: 'Unsorted',
      caption: 'Their stage or lane was removed. Drag them back into a cell.',
      fill: BOARD_INK.unsortedFill,
      textColor: BOARD_INK.unsortedText,
    })
  }
  const cells = layout.lanes.flatMap((l) =>
    layout.stages.map((s) => ({ x: s.x, y: l.y, w: s.w, h: l.h, fill: getLaneKind(l.kind).scene.cellTint })),
  )
  if (layout.unsorted) cells.push({ ...layout.unsorted, fill: BOARD_INK.unsortedFill })
  return {
    width: layout.width,
    height: layout.height,
    background: BOARD_INK.canvas,
    stageHeaders,
    laneHeaders,
    cells,
  }
}

export function buildScene(board: BoardContent): Scene {
  const layout = computeLayout(board.stages, board.lanes, board.notes)
  const notes: SceneNote[] = []
  for (const note of board.notes) {
    const box = layout.notes.get(note.id)
    if (!box) continue
    const ink = NOTE_INK[note.color]
    notes.push({ ...box, text: note.text, fill: ink.fill, border: ink.border, textColor: ink.text })
  }
  return { title: board.title, ...buildGridScene(layout), notes, layout }
}
