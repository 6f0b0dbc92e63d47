import { describe, expect, it } from 'vitest'
import type { ClipNote } from './noteClipboard'
import {
  MAX_PASTED_NOTES,
  NOTES_MIME,
  notesFromPlainText,
  readClipboard,
  writeClipboard,
} from './noteClipboard'

const notes: ClipNote[] = [
  {
    text: 'Sees an "ad" & clicks <here>',
    color: 'pink',
    w: 200,
    h: 120,
    stage: 'Awareness',
    lane: 'Touchpoints',
  },
  { text: 'Two\nlines', color: 'green', w: 160, h: 110, stage: null, lane: null },
]

const reader = (data: Record<string, string>) => (type: string) => data[type] ?? ''

describe('note clipboard', () => {
  it('round-trips notes through the custom type', () => {
    expect(readClipboard(reader(writeClipboard(notes)))).toEqual({ kind: 'notes', notes })
  })

  it('round-trips notes through the HTML alone (another browser, or through the OS)', () => {
    const { [NOTES_MIME]: _dropped, ...rest } = writeClipboard(notes)
    expect(readClipboard(reader(rest))).toEqual({ kind: 'notes', notes })
  })

  it('writes one note per line as plain text for other apps', () => {
    expect(writeClipboard(notes)['text/plain']).toBe('Sees an "ad" & clicks <here>\nTwo lines')
  })

  it('turns plain text from elsewhere into one note per non-empty line', () => {
    expect(readClipboard(reader({ 'text/plain': '  Reads reviews \r\n\n\nAsks a friend\n' }))).toEqual({
      kind: 'text',
      notes: [
        { text: 'Reads reviews', stage: null, lane: null },
        { text: 'Asks a friend', stage: null, lane: null },
      ],
    })
    expect(readClipboard(reader({ 'text/plain': ' \n ' }))).toEqual({ kind: 'none' })
  })

  it('validates what it reads: bad colors and sizes are dropped or clamped, huge pastes capped', () => {
    const json = JSON.stringify({
      journeyboard: 1,
      notes: [
        { text: 'x', color: 'chartreuse', w: 99999, h: 'tall', stage: 5, lane: 'Pain' },
        { color: 'pink' },
      ],
    })
    expect(readClipboard(reader({ [NOTES_MIME]: json }))).toEqual({
      kind: 'notes',
      notes: [{ text: 'x', w: 480, stage: null, lane: 'Pain' }],
    })
    expect(
      readClipboard(reader({ [NOTES_MIME]: '{"journeyboard":2,"notes":[]}', 'text/plain': 'y' })).kind,
    ).toBe('text')
    expect(notesFromPlainText('a\n'.repeat(MAX_PASTED_NOTES + 5))).toHaveLength(MAX_PASTED_NOTES)
  })
})
