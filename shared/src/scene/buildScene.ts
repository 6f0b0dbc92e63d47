/*
 * What to draw where, computed from a board's content without Konva: a list of scene items (items.ts)
 * in paint order. The canvas draws the grid's items on its static layer and each note's items under
 * that note's own subscription (noteItems.ts); the PDF draws the whole list with a painter. Geometry
 * comes from layout/grid, inks from the palette, type sizes and insets from textStyle: here and in
 * noteItems only.
 */

import type { ReadLaneKind } from '../board/laneKinds/registry'
import { getLaneKind } from '../board/laneKinds/registry'
import type { BoardContent } from '../board/schema'
import { type BoardLayout, computeLayout, GRID } from '../layout/grid'
import { connectorSceneItems, laneContentItems, noteLook, tagInks } from './contentItems'
import type { RectItem, SceneItem, Stroke, TextItem } from './items'
import { noteItems } from './noteItems'
import { BOARD_INK } from './palette'
import { personaCardItems, pinnedCards } from './personaCards'
import {
  BOARD_CORNER_RADIUS_PX,
  LANE_HEADER_TEXT,
  laneTitleHeight,
  STAGE_DESCRIPTION_TEXT,
  STAGE_HEADER_TEXT,
  UNSORTED_CAPTION_TEXT,
} from './textStyle'

export interface Scene {
  title: string
  width: number
  height: number
  /** The color around the board on screen (a whole-board image may be filled with it). */
  background: string
  /** Everything on the board, in paint order. */
  items: SceneItem[]
  layout: BoardLayout
}

export type GridScene = Pick<Scene, 'width' | 'height' | 'background' | 'items'>

// A lane's inks come from its kind (the lane-kind registry); the one place the grid reads them.
const laneInk = (kind: ReadLaneKind) => {
  const { cellTint, headerAccent } = getLaneKind(kind).scene
  return { tint: cellTint, accent: headerAccent }
}

export const UNSORTED_TITLE = 'Unsorted'
export const UNSORTED_CAPTION = 'Their stage or lane was removed. Drag them back into a cell.'

const GRID_STROKE: Stroke = { color: BOARD_INK.gridLine, width: 1 }
/** A flat offset copy, not a blur: a board-sized blur cost ~40 % of every pan frame. */
const BOARD_SHADOW = { color: '#1f2a44', opacity: 0.08, offsetX: 0, offsetY: 6, blur: 0 } as const

const rect = (init: Omit<RectItem, 'kind' | 'layer'>): RectItem => ({ kind: 'rect', layer: 'grid', ...init })

type TextInit = Pick<TextItem, 'x' | 'y' | 'w' | 'h' | 'text' | 'color' | 'fontSize' | 'fontWeight'> &
  Partial<Omit<TextItem, 'kind' | 'layer'>>
const text = (init: TextInit): TextItem => ({
  kind: 'text',
  layer: 'grid',
  lineHeight: 1,
  letterSpacing: 0,
  align: 'left',
  verticalAlign: 'top',
  wrap: 'word',
  ellipsis: true,
  ...init,
})

function stageHeaderItems(layout: BoardLayout): SceneItem[] {
  const items: SceneItem[] = []
  const last = layout.stages.length - 1
  const { insetXPx, fontSizePx, letterSpacingPx } = STAGE_HEADER_TEXT
  const { fontSizePx: descSize, lineHeight: descLh } = STAGE_DESCRIPTION_TEXT
  layout.stages.forEach((s, i) => {
    const box = { x: s.x, y: 0, w: s.w, h: layout.headerH }
    const corner = i === last ? BOARD_CORNER_RADIUS_PX : 0
    items.push(rect({ ...box, record: s.id, fill: BOARD_INK.stageHeaderFill, radius: [0, corner, 0, 0] }))
    if (i > 0) items.push(rect({ x: s.x, y: 0, w: 1, h: box.h, fill: BOARD_INK.stageDivider }))
    items.push(
      text({
        x: s.x + insetXPx,
        y: 0,
        w: s.w - 2 * insetXPx,
        h: GRID.stageHeaderH,
        record: s.id,
        text: s.title.toUpperCase(),
        color: BOARD_INK.stageHeaderText,
        fontSize: fontSizePx,
        fontWeight: 600,
        letterSpacing: letterSpacingPx,
        verticalAlign: 'middle',
        wrap: 'none',
      }),
    )
    if (s.description)
      items.push(
        text({
          x: s.x + insetXPx,
          y: GRID.stageHeaderH - 8,
          w: s.w - 2 * insetXPx,
          h: layout.headerH - GRID.stageHeaderH,
          record: s.id,
          secondary: true,
          text: s.description,
          color: BOARD_INK.stageHeaderText,
          opacity: 0.85,
          fontSize: descSize,
          fontWeight: 400,
          lineHeight: descLh,
        }),
      )
  })
  return items
}

export const PARKING_TITLE = 'Parking lot'
export const PARKING_CAPTION = 'Notes that fit no cell yet. Drag them into the grid when they do.'

/** The parking lot beside the grid, once it holds notes: a dashed area with a title, like a flip chart. */
function parkingLotItems(layout: BoardLayout): SceneItem[] {
  const lot = layout.parking
  if (!lot.used) return []
  const { fontSizePx, lineHeight } = STAGE_DESCRIPTION_TEXT
  return [
    rect({
      ...lot,
      fill: BOARD_INK.unsortedFill,
      stroke: { color: BOARD_INK.unsortedText, width: 2, dash: [10, 6] },
      radius: BOARD_CORNER_RADIUS_PX,
    }),
    text({
      x: lot.x + STAGE_HEADER_TEXT.insetXPx,
      y: lot.y,
      w: lot.w - 2 * STAGE_HEADER_TEXT.insetXPx,
      h: GRID.stageHeaderH,
      text: PARKING_TITLE.toUpperCase(),
      color: BOARD_INK.unsortedText,
      fontSize: STAGE_HEADER_TEXT.fontSizePx,
      fontWeight: 700,
      letterSpacing: STAGE_HEADER_TEXT.letterSpacingPx,
      verticalAlign: 'middle',
      wrap: 'none',
    }),
    text({
      x: lot.x + STAGE_HEADER_TEXT.insetXPx,
      y: lot.y + GRID.stageHeaderH - 8,
      w: lot.w - 2 * STAGE_HEADER_TEXT.insetXPx,
      h: Math.max(0, layout.headerH - GRID.stageHeaderH + 8),
      secondary: true,
      text: PARKING_CAPTION,
      color: BOARD_INK.unsortedText,
      opacity: 0.8,
      fontSize: fontSizePx,
      fontWeight: 400,
      lineHeight,
    }),
  ]
}

function laneHeaderItems(layout: BoardLayout): SceneItem[] {
  const { insetLeftPx, insetRightPx, insetTopPx, fontSizePx, lineHeight, accentWPx } = LANE_HEADER_TEXT
  const titleW = GRID.laneHeaderW - insetLeftPx - insetRightPx
  return layout.lanes.flatMap((l) => {
    const box = { x: 0, y: l.y, w: GRID.laneHeaderW, h: l.h }
    // A row too low for the title's inset (the line of visibility, a collapsed lane) centres one line.
    const low = l.h < insetTopPx + fontSizePx * lineHeight + 8
    const title = low
      ? { y: l.y, h: l.h, verticalAlign: 'middle' as const, wrap: 'none' as const }
      : { y: l.y + insetTopPx, h: laneTitleHeight(l.h) }
    return [
      rect({ ...box, record: l.id, fill: BOARD_INK.headerFill, stroke: GRID_STROKE }),
      rect({ x: 0, y: l.y, w: accentWPx, h: l.h, fill: laneInk(l.kind).accent }),
      text({
        x: insetLeftPx,
        ...title,
        w: titleW,
        record: l.id,
        text: l.title,
        color: BOARD_INK.laneHeaderText,
        fontSize: fontSizePx,
        fontWeight: 600,
        lineHeight,
      }),
    ]
  })
}

/**
 * The "Unsorted" row's header: notes whose stage or lane was removed wait here, so it reads as a
 * holding area (warm tint, a dashed edge above, a caption saying how to get notes out), not as a lane.
 */
function unsortedHeaderItems(layout: BoardLayout): SceneItem[] {
  const row = layout.unsorted
  if (!row) return []
  const { insetLeftPx, insetRightPx, insetTopPx, fontSizePx, accentWPx } = LANE_HEADER_TEXT
  const { topPx, bottomPx, fontSizePx: captionSize, lineHeight: captionLh } = UNSORTED_CAPTION_TEXT
  const w = row.x - insetLeftPx - insetRightPx
  return [
    rect({ x: 0, y: row.y, w: row.x, h: row.h, fill: BOARD_INK.unsortedFill, stroke: GRID_STROKE }),
    rect({ x: 0, y: row.y, w: accentWPx, h: row.h, fill: BOARD_INK.unsortedText, opacity: 0.55 }),
    // One word, never cut.
    text({
      x: insetLeftPx,
      y: row.y + insetTopPx,
      w,
      h: Math.max(0, row.h - insetTopPx),
      text: UNSORTED_TITLE,
      color: BOARD_INK.unsortedText,
      fontSize: fontSizePx,
      fontWeight: 700,
      lineHeight: 1,
      ellipsis: false,
    }),
    text({
      x: insetLeftPx,
      y: row.y + topPx,
      w,
      h: Math.max(0, row.h - topPx - bottomPx),
      text: UNSORTED_CAPTION,
      color: BOARD_INK.unsortedText,
      opacity: 0.8,
      fontSize: captionSize,
      fontWeight: 400,
      lineHeight: captionLh,
    }),
  ]
}

/**
 * The grid's items (board, cells, headers, the Unsorted row) from a layout alone. The canvas draws them
 * on its static layer and redraws them only when the layout changes, not when a note's text or color does.
 */
export function buildGridScene(layout: BoardLayout): GridScene {
  const items: SceneItem[] = [
    rect({
      x: 0,
      y: 0,
      w: layout.width,
      h: layout.height,
      fill: BOARD_INK.boardFill,
      stroke: GRID_STROKE,
      radius: BOARD_CORNER_RADIUS_PX,
      shadow: BOARD_SHADOW,
    }),
  ]
  for (const l of layout.lanes) {
    const fill = laneInk(l.kind).tint
    for (const s of layout.stages)
      items.push(rect({ x: s.x, y: l.y, w: s.w, h: l.h, fill, stroke: GRID_STROKE }))
  }
  if (layout.unsorted)
    items.push(rect({ ...layout.unsorted, fill: BOARD_INK.unsortedFill, stroke: GRID_STROKE }))
  items.push(...stageHeaderItems(layout))
  const corner = { x: 0, y: 0, w: layout.stages[0]?.x ?? 0, h: layout.lanes[0]?.y ?? 0 }
  if (corner.w > 0 && corner.h > 0) {
    items.push(
      rect({ ...corner, fill: BOARD_INK.stageHeaderFill, radius: [BOARD_CORNER_RADIUS_PX, 0, 0, 0] }),
    )
  }
  items.push(...laneHeaderItems(layout), ...unsortedHeaderItems(layout))
  if (layout.unsorted) {
    const { y } = layout.unsorted
    items.push({
      kind: 'path',
      layer: 'grid',
      commands: [
        ['M', 0, y],
        ['L', layout.width, y],
      ],
      stroke: { color: BOARD_INK.unsortedText, width: 2, dash: [10, 6] },
      opacity: 0.45,
    })
  }
  items.push(...parkingLotItems(layout))
  return { width: layout.bounds.w, height: layout.bounds.h, background: BOARD_INK.canvas, items }
}

/** The board's layout, with what content lanes measure their cells by. */
export const layoutBoard = (board: BoardContent): BoardLayout =>
  computeLayout(board.stages, board.lanes, board.notes, { chips: board.chips, laneTexts: board.laneTexts })

/** Everything on the board in paint order: grid, content lanes, notes, connectors. */
export function buildScene(board: BoardContent): Scene {
  const layout = layoutBoard(board)
  const grid = buildGridScene(layout)
  grid.items.push(...laneContentItems(board, layout))
  const inks = tagInks(board)
  for (const note of board.notes) {
    const box = layout.notes.get(note.id)
    if (box) grid.items.push(...noteItems(noteLook(note, inks), box, 'full'))
  }
  grid.items.push(...connectorSceneItems(board.connectors, layout))
  // Pinned persona cards sit beside the grid; the scene (and so the page) grows to hold them.
  let { width, height } = grid
  for (const { persona, box } of pinnedCards(board.personas)) {
    grid.items.push(...personaCardItems(persona, box))
    width = Math.max(width, box.x + box.w + 24)
    height = Math.max(height, box.y + box.h + 24)
  }
  return { title: board.title, ...grid, width, height, layout }
}
