/**
 * Draws a scene (scene/buildScene) with a Painter, in board units, as the canvas's GridLayer and
 * NoteNode draw it: the same inks (scene/palette), insets and type sizes (scene/textStyle), and text
 * broken into lines by the same rules (text/wrapText). Shadows are left out: on paper they only blur.
 */
import type { RGB } from 'pdf-lib'
import type { Scene, SceneLabel } from '../scene/buildScene'
import { BOARD_INK } from '../scene/palette'
import {
  BOARD_CORNER_RADIUS_PX,
  LANE_HEADER_TEXT,
  laneTitleHeight,
  NOTE_TEXT,
  STAGE_HEADER_TEXT,
  UNSORTED_CAPTION_TEXT,
} from '../scene/textStyle'
import { type TextBox, wrapText } from '../text/wrapText'
import { pdfBlend, pdfColor } from './color'
import type { Painter } from './painter'
import type { PdfTextFont } from './pdfFont'

export interface SceneFonts {
  regular: PdfTextFont
  bold: PdfTextFont
}

/** Called between batches of notes, so a browser can paint (and a caller can report progress). */
export type Pause = (notesDrawn: number) => Promise<void>

const NOTES_PER_BATCH = 1_000
const GRID_LINE = pdfColor(BOARD_INK.gridLine)

/** Lines of `text` in `box`, each drawn with its baseline placed as Konva places it. */
export function drawTextBlock(
  painter: Painter,
  font: PdfTextFont,
  size: number,
  at: { x: number; y: number },
  box: TextBox,
  text: string,
  color: RGB,
  spacing = 0,
): number {
  const clean = font.repair(text)
  const measure = (t: string) => font.measure(t, size) + spacing * [...t].length
  const lines = wrapText(clean, box, measure)
  const shift = box.lineHeightPx / 2 + font.baselineShiftEm * size
  lines.forEach((line, i) => {
    painter.text(font, size, at.x, at.y + i * box.lineHeightPx + shift, line, color, spacing)
  })
  return lines.length
}

function drawStageHeaders(painter: Painter, scene: Scene, fonts: SceneFonts): void {
  const last = scene.stageHeaders.length - 1
  scene.stageHeaders.forEach((h, i) => {
    painter.box(h, pdfColor(h.fill), undefined, [0, i === last ? BOARD_CORNER_RADIUS_PX : 0, 0, 0])
    if (i > 0) painter.box({ x: h.x, y: h.y, w: 1, h: h.h }, pdfColor(BOARD_INK.stageDivider))
    const size = STAGE_HEADER_TEXT.fontSizePx
    const inset = STAGE_HEADER_TEXT.insetXPx
    const box: TextBox = { width: h.w - 2 * inset, height: h.h, lineHeightPx: size, wrap: 'none' }
    // Konva centres a one-line block vertically: its top is half the leftover height down.
    const at = { x: h.x + inset, y: h.y + (h.h - size) / 2 }
    drawTextBlock(
      painter,
      fonts.bold,
      size,
      at,
      box,
      h.text.toUpperCase(),
      pdfColor(h.textColor),
      STAGE_HEADER_TEXT.letterSpacingPx,
    )
  })
}

function drawLaneHeader(painter: Painter, h: SceneLabel, fonts: SceneFonts): void {
  const { insetLeftPx, insetRightPx, insetTopPx, fontSizePx, lineHeight, accentWPx } = LANE_HEADER_TEXT
  const unsorted = h.caption !== undefined
  painter.box(h, pdfColor(h.fill), GRID_LINE)
  const accent = unsorted
    ? pdfBlend(BOARD_INK.unsortedText, 0.55, h.fill)
    : pdfColor(h.accent ?? BOARD_INK.gridLine)
  painter.box({ x: h.x, y: h.y, w: accentWPx, h: h.h }, accent)
  const width = h.w - insetLeftPx - insetRightPx
  // The Unsorted row's title is one word with its caption below; a lane's title is cut where the lane ends.
  const titleHeight = unsorted ? Infinity : laneTitleHeight(h.h)
  const title: TextBox = { width, height: titleHeight, lineHeightPx: fontSizePx * lineHeight }
  drawTextBlock(
    painter,
    fonts.bold,
    fontSizePx,
    { x: h.x + insetLeftPx, y: h.y + insetTopPx },
    title,
    h.text,
    pdfColor(h.textColor),
  )
  if (!unsorted) return
  const { topPx, bottomPx, fontSizePx: captionSize, lineHeight: captionLh } = UNSORTED_CAPTION_TEXT
  const caption: TextBox = {
    width,
    height: Math.max(0, h.h - topPx - bottomPx),
    lineHeightPx: captionSize * captionLh,
  }
  const captionInk = pdfBlend(h.textColor, 0.8, h.fill)
  drawTextBlock(
    painter,
    fonts.regular,
    captionSize,
    { x: h.x + insetLeftPx, y: h.y + topPx },
    caption,
    h.caption ?? '',
    captionInk,
  )
}

export async function drawScene(
  painter: Painter,
  scene: Scene,
  fonts: SceneFonts,
  pause?: Pause,
): Promise<void> {
  const board = { x: 0, y: 0, w: scene.width, h: scene.height }
  painter.lineStyle(1)
  painter.box(board, pdfColor(BOARD_INK.boardFill), GRID_LINE, [
    BOARD_CORNER_RADIUS_PX,
    BOARD_CORNER_RADIUS_PX,
    BOARD_CORNER_RADIUS_PX,
    BOARD_CORNER_RADIUS_PX,
  ])
  for (const cell of scene.cells) painter.box(cell, pdfColor(cell.fill), GRID_LINE)
  drawStageHeaders(painter, scene, fonts)
  const corner = { x: 0, y: 0, w: scene.layout.stages[0]?.x ?? 0, h: scene.layout.lanes[0]?.y ?? 0 }
  if (corner.w > 0 && corner.h > 0)
    painter.box(corner, pdfColor(BOARD_INK.stageHeaderFill), undefined, [BOARD_CORNER_RADIUS_PX, 0, 0, 0])
  for (const h of scene.laneHeaders) drawLaneHeader(painter, h, fonts)
  const unsorted = scene.layout.unsorted
  if (unsorted) {
    painter.lineStyle(2, [10, 6])
    painter.line(
      0,
      unsorted.y,
      scene.width,
      unsorted.y,
      pdfBlend(BOARD_INK.unsortedText, 0.45, BOARD_INK.unsortedFill),
    )
    painter.lineStyle(1)
  }
  const { paddingPx, fontSizePx, lineHeight, cornerRadiusPx: r } = NOTE_TEXT
  for (let i = 0; i < scene.notes.length; i++) {
    const note = scene.notes[i]
    if (!note) continue
    painter.box(note, pdfColor(note.fill), pdfColor(note.border), [r, r, r, r])
    const box: TextBox = {
      width: note.w - 2 * paddingPx,
      height: note.h - 2 * paddingPx,
      lineHeightPx: fontSizePx * lineHeight,
    }
    drawTextBlock(
      painter,
      fonts.regular,
      fontSizePx,
      { x: note.x + paddingPx, y: note.y + paddingPx },
      box,
      note.text,
      pdfColor(note.textColor),
    )
    if (pause && (i + 1) % NOTES_PER_BATCH === 0) await pause(i + 1)
  }
}
