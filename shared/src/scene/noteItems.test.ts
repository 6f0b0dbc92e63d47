import { describe, expect, it } from 'vitest'
import type { NoteId } from '../board/ids'
import type { RectItem, TextItem } from './items'
import { noteInk, noteItems } from './noteItems'
import { NOTE_INK } from './palette'
import { NOTE_TEXT } from './textStyle'

const note = { id: 'note:a' as NoteId, text: 'Compares plans', color: 'blue' as const }
const box = { x: 300, y: 200, w: 160, h: 110 }

describe('noteItems', () => {
  it('draws a full note as a rounded card with a shadow and its text inset by the padding', () => {
    const [card, text] = noteItems(note, box, 'full') as [RectItem, TextItem]
    expect(card).toMatchObject({
      kind: 'rect',
      layer: 'notes',
      record: note.id,
      ...box,
      fill: NOTE_INK.blue.fill,
      stroke: { color: NOTE_INK.blue.border, width: 1 },
      radius: NOTE_TEXT.cornerRadiusPx,
    })
    expect(card.shadow?.blur).toBeGreaterThan(0)
    const p = NOTE_TEXT.paddingPx
    expect(text).toMatchObject({
      kind: 'text',
      record: note.id,
      x: box.x + p,
      y: box.y + p,
      w: box.w - 2 * p,
      h: box.h - 2 * p,
      text: 'Compares plans',
      color: NOTE_INK.blue.text,
      fontSize: NOTE_TEXT.fontSizePx,
      lineHeight: NOTE_TEXT.lineHeight,
      wrap: 'word',
      ellipsis: true,
    })
  })

  it('drops the shadow at plain detail, and the text and corners at block detail', () => {
    const plain = noteItems(note, box, 'plain')
    expect(plain.map((i) => i.kind)).toEqual(['rect', 'text'])
    expect((plain[0] as RectItem).shadow).toBeUndefined()
    const block = noteItems(note, box, 'block')
    expect(block).toHaveLength(1)
    expect(block[0]).toMatchObject({ radius: 0, fill: NOTE_INK.blue.fill })
  })

  it('places the same items wherever the box is (the canvas builds them at its group origin)', () => {
    const here = noteItems(note, box, 'full')
    const origin = noteItems(note, { ...box, x: 0, y: 0 }, 'full')
    expect(origin.map((i) => ('x' in i ? { ...i, x: i.x + box.x, y: i.y + box.y } : i))).toEqual(here)
  })

  it('takes its inks from noteInk, the source the block fast path reads', () => {
    for (const color of ['yellow', 'gray'] as const) {
      const [card] = noteItems({ ...note, color }, box, 'block') as [RectItem]
      expect(card.fill).toBe(noteInk(color).fill)
    }
  })
})

describe('note kinds and tags', () => {
  const icons = (items: ReturnType<typeof noteItems>) =>
    items.flatMap((i) => (i.kind === 'icon' ? [i.name] : []))
  const texts = (items: ReturnType<typeof noteItems>) =>
    items.flatMap((i) => (i.kind === 'text' ? [i.text] : []))

  it('marks each kind with its own icon and word, and a plain note with none', () => {
    expect(icons(noteItems(note, box, 'full'))).toEqual([])
    expect(icons(noteItems({ ...note, kind: 'pain' }, box, 'full'))).toEqual(['triangle-alert'])
    expect(icons(noteItems({ ...note, kind: 'idea' }, box, 'full'))).toEqual(['lightbulb'])
    expect(icons(noteItems({ ...note, kind: 'question' }, box, 'full'))).toEqual(['circle-question-mark'])
    expect(texts(noteItems({ ...note, kind: 'idea' }, box, 'full'))).toEqual(['Idea', 'Compares plans'])
  })

  it('gives kinds a border of their own shape, so colour is never the only cue', () => {
    const border = (kind: 'plain' | 'pain' | 'question') =>
      (noteItems({ ...note, kind }, box, 'block')[0] as RectItem).stroke
    expect(border('pain')?.width).toBeGreaterThan(2)
    expect(border('question')?.dash).toBeDefined()
    expect(border('plain')).toEqual({ color: NOTE_INK.blue.border, width: 1 })
  })

  it('fills one pip per severity step of a pain point', () => {
    const filled = (severity: number) =>
      noteItems({ ...note, kind: 'pain', severity }, box, 'full').filter(
        (i) => i.kind === 'rect' && i.w === 7 && i.fill !== '#ffffff',
      ).length
    expect([1, 2, 3].map(filled)).toEqual([1, 2, 3])
  })

  it('quotes a quote and signs it with its source, and pushes the text under the mark row', () => {
    const items = noteItems({ ...note, kind: 'quote', source: 'Ana, interview 3' }, box, 'full')
    expect(texts(items)).toEqual(['Quote', '“Compares plans”', '— Ana, interview 3'])
    const body = items.find((i) => i.kind === 'text' && i.text.startsWith('“')) as TextItem
    expect(body.y).toBeGreaterThan(box.y + NOTE_TEXT.paddingPx)
  })

  it('draws a dot per tag, at most five', () => {
    const dots = (n: number) =>
      noteItems({ ...note, tagColors: Array.from({ length: n }, () => '#123456') }, box, 'full').filter(
        (i) => i.kind === 'rect' && i.fill === '#123456',
      ).length
    expect([0, 2, 7].map(dots)).toEqual([0, 2, 5])
  })
})
