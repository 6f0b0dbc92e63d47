/*
 * A note as scene items: its card and its text. One pure function per note, so the canvas builds one
 * note's items when that note changes (NoteNode, under its own subscription) and the PDF builds every
 * note's the same way (buildScene). The level of detail is the canvas's: a note a few pixels tall on
 * screen needs neither text nor shadow; paper draws 'full' and leaves the shadow out.
 */
import type { Note } from '../board/schema'
import type { NoteColor } from '../board/style'
import type { Rect } from '../layout/geometry'
import type { RectItem, SceneItem, TextItem } from './items'
import { NOTE_INK } from './palette'
import { NOTE_TEXT } from './textStyle'

/** 'full': card, shadow, text; 'plain': card and text; 'block': a square colored block. */
export type NoteDetail = 'full' | 'plain' | 'block'

/** A note's inks by its stored color: its items and the canvas's block fast path both read them here. */
export const noteInk = (color: NoteColor): { fill: string; border: string; text: string } => NOTE_INK[color]

const NOTE_SHADOW = { color: '#1f2a44', opacity: 0.16, offsetX: 0, offsetY: 3, blur: 10 } as const

/** The note's items in `box` (board units; the canvas passes a box at 0,0 inside the note's group). */
export function noteItems(
  note: Pick<Note, 'id' | 'text' | 'color'>,
  box: Rect,
  detail: NoteDetail,
): SceneItem[] {
  const ink = noteInk(note.color)
  const card: RectItem = {
    kind: 'rect',
    layer: 'notes',
    record: note.id,
    x: box.x,
    y: box.y,
    w: box.w,
    h: box.h,
    fill: ink.fill,
    stroke: { color: ink.border, width: 1 },
    radius: detail === 'block' ? 0 : NOTE_TEXT.cornerRadiusPx,
    ...(detail === 'full' ? { shadow: NOTE_SHADOW } : {}),
  }
  if (detail === 'block') return [card]
  const { paddingPx } = NOTE_TEXT
  const text: TextItem = {
    kind: 'text',
    layer: 'notes',
    record: note.id,
    x: box.x + paddingPx,
    y: box.y + paddingPx,
    w: box.w - 2 * paddingPx,
    h: box.h - 2 * paddingPx,
    text: note.text,
    color: ink.text,
    fontSize: NOTE_TEXT.fontSizePx,
    fontWeight: 400,
    lineHeight: NOTE_TEXT.lineHeight,
    letterSpacing: 0,
    align: 'left',
    verticalAlign: 'top',
    wrap: 'word',
    ellipsis: true,
  }
  return [card, text]
}
