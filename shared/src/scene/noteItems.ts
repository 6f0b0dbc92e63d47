/*
 * A note as scene items: its card and its text. One pure function per note, so the canvas builds one
 * note's items when that note changes (NoteNode, under its own subscription) and the PDF builds every
 * note's the same way (buildScene). The level of detail is the canvas's: a note a few pixels tall on
 * screen needs neither text nor shadow; paper draws 'full' and leaves the shadow out.
 */
import type { Note } from '../board/schema'
import type { NoteColor } from '../board/style'
import type { Rect } from '../layout/geometry'
import type { IconName } from './icons'
import type { RectItem, SceneItem, TextItem } from './items'
import { NOTE_INK } from './palette'
import { NOTE_TEXT } from './textStyle'

/** 'full': card, shadow, text; 'plain': card and text; 'block': a square colored block. */
export type NoteDetail = 'full' | 'plain' | 'block'

/** A note's inks by its stored color: its items and the canvas's block fast path both read them here. */
export const noteInk = (color: NoteColor): { fill: string; border: string; text: string } => NOTE_INK[color]

const NOTE_SHADOW = { color: '#1f2a44', opacity: 0.16, offsetX: 0, offsetY: 3, blur: 10 } as const

/** What a note is, beyond its text: each kind has its own mark, so colour is never the only cue. */
export type NoteKindLook = 'plain' | 'pain' | 'idea' | 'question' | 'quote'

/** A note as the scene reads it; the anatomy's fields are optional, so a plain note needs none. */
export type NoteLook = Pick<Note, 'id' | 'text' | 'color'> & {
  kind?: NoteKindLook
  /** 1–3, pain points only. */
  severity?: number
  /** Who said it, quotes only. */
  source?: string
  /** The colors of the note's tags, in the board's tag order. */
  tagColors?: readonly string[]
}

/** The icon and word each kind shows at the top of its card. */
export const NOTE_KIND_MARKS: Record<
  Exclude<NoteKindLook, 'plain'>,
  { icon: IconName; word: string; ink: string }
> = {
  pain: { icon: 'triangle-alert', word: 'Pain', ink: '#a11d1d' },
  idea: { icon: 'lightbulb', word: 'Idea', ink: '#7a5200' },
  question: { icon: 'circle-question-mark', word: 'Question', ink: '#1d4e89' },
  quote: { icon: 'quote', word: 'Quote', ink: '#4b2a7a' },
}

/** The row the kind's mark takes at the top of a card, and the tag dots at its bottom. */
export const NOTE_MARKS = { rowPx: 22, iconPx: 16, pipPx: 7, dotPx: 10, maxDots: 5 } as const

/** The note's items in `box` (board units; the canvas passes a box at 0,0 inside the note's group). */
export function noteItems(note: NoteLook, box: Rect, detail: NoteDetail): SceneItem[] {
  const ink = noteInk(note.color)
  const kind = note.kind ?? 'plain'
  const card: RectItem = {
    kind: 'rect',
    layer: 'notes',
    record: note.id,
    x: box.x,
    y: box.y,
    w: box.w,
    h: box.h,
    fill: ink.fill,
    // The border's shape tells kinds apart where marks are too small to read: pain is heavy, a question dashed.
    stroke:
      kind === 'pain'
        ? { color: NOTE_KIND_MARKS.pain.ink, width: 2.5 }
        : kind === 'question'
          ? { color: NOTE_KIND_MARKS.question.ink, width: 1.5, dash: [6, 4] }
          : { color: ink.border, width: 1 },
    radius: detail === 'block' ? 0 : NOTE_TEXT.cornerRadiusPx,
    ...(detail === 'full' ? { shadow: NOTE_SHADOW } : {}),
  }
  if (detail === 'block') return [card]
  const { paddingPx } = NOTE_TEXT
  const marks = kindMarkItems(note, kind, box)
  const top = marks.length ? NOTE_MARKS.rowPx : 0
  const source = kind === 'quote' && note.source?.trim() ? `— ${note.source.trim()}` : ''
  const bottom =
    (source ? NOTE_TEXT.fontSizePx * 1.2 : 0) + (note.tagColors?.length ? NOTE_MARKS.dotPx + 4 : 0)
  const text: TextItem = {
    kind: 'text',
    layer: 'notes',
    record: note.id,
    x: box.x + paddingPx,
    y: box.y + paddingPx + top,
    w: box.w - 2 * paddingPx,
    h: Math.max(0, box.h - 2 * paddingPx - top - bottom),
    text: kind === 'quote' ? `“${note.text}”` : note.text,
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
  const items: SceneItem[] = [card, ...marks, text]
  if (source)
    items.push({
      ...text,
      y: box.y + box.h - paddingPx - bottom,
      h: NOTE_TEXT.fontSizePx * 1.2,
      text: source,
      secondary: true,
      fontSize: NOTE_TEXT.fontSizePx - 2,
      wrap: 'none',
      align: 'right',
    })
  items.push(...tagDotItems(note, box))
  return items
}

/** The kind's icon and word in the card's top row; a pain point adds one pip per severity step. */
function kindMarkItems(note: NoteLook, kind: NoteKindLook, box: Rect): SceneItem[] {
  if (kind === 'plain') return []
  const mark = NOTE_KIND_MARKS[kind]
  const { paddingPx } = NOTE_TEXT
  const { iconPx, pipPx } = NOTE_MARKS
  const y = box.y + paddingPx - 4
  const items: SceneItem[] = [
    {
      kind: 'icon',
      layer: 'notes',
      record: note.id,
      name: mark.icon,
      color: mark.ink,
      x: box.x + paddingPx,
      y,
      w: iconPx,
      h: iconPx,
    },
    {
      kind: 'text',
      layer: 'notes',
      record: note.id,
      x: box.x + paddingPx + iconPx + 5,
      y,
      w: Math.max(0, box.w - 2 * paddingPx - iconPx - 5 - 3 * (pipPx + 3)),
      h: iconPx,
      text: mark.word,
      secondary: true,
      color: mark.ink,
      fontSize: 12,
      fontWeight: 700,
      lineHeight: 1,
      letterSpacing: 0.4,
      align: 'left',
      verticalAlign: 'middle',
      wrap: 'none',
      ellipsis: true,
    },
  ]
  if (kind === 'pain') {
    const severity = Math.max(1, Math.min(3, Math.round(note.severity ?? 1)))
    for (let i = 0; i < 3; i++)
      items.push({
        kind: 'rect',
        layer: 'notes',
        record: note.id,
        x: box.x + box.w - paddingPx - (3 - i) * (pipPx + 3),
        y: y + (iconPx - pipPx) / 2,
        w: pipPx,
        h: pipPx,
        radius: pipPx / 2,
        fill: i < severity ? mark.ink : '#ffffff',
        stroke: { color: mark.ink, width: 1 },
      })
  }
  return items
}

/** One dot per tag at the card's bottom right (the first few; "+n" would not fit a small card). */
function tagDotItems(note: NoteLook, box: Rect): SceneItem[] {
  const colors = note.tagColors ?? []
  const { dotPx, maxDots } = NOTE_MARKS
  const { paddingPx } = NOTE_TEXT
  return colors.slice(0, maxDots).map((color, i) => ({
    kind: 'rect' as const,
    layer: 'notes' as const,
    record: note.id,
    x: box.x + box.w - paddingPx - (i + 1) * (dotPx + 3) + 3,
    y: box.y + box.h - paddingPx - dotPx + 4,
    w: dotPx,
    h: dotPx,
    radius: dotPx / 2,
    fill: color,
    stroke: { color: '#ffffff', width: 1 },
  }))
}
