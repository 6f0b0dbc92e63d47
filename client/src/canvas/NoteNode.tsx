/*
 * One note on the canvas. Its position comes from the layout (props, so a text edit never moves it);
 * its content comes from its own subscription (useNote), so typing in it re-renders it alone.
 */
import { memo, useMemo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { NoteId } from '../../../shared/src/board/ids'
import { NOTE_INK } from '../../../shared/src/scene/palette'
import { NOTE_TEXT } from '../../../shared/src/scene/textStyle'
import { useNote } from '../doc/hooks'
import type { NoteDetail } from '../scene/levelOfDetail'
import { noteTextLines } from './noteTextLines'

interface Props {
  id: NoteId
  x: number
  y: number
  w: number
  h: number
  detail: NoteDetail
  /** The DOM editor lies over the note; drawing the text too would double it. */
  editing: boolean
}

function NoteNodeImpl({ id, x, y, w, h, detail, editing }: Props) {
  const note = useNote(id)
  const showText = detail !== 'block' && !editing
  const text = note?.text ?? ''
  const lines = useMemo(() => (showText ? noteTextLines(text, w, h) : ''), [showText, text, w, h])
  if (!note) return null
  const ink = NOTE_INK[note.color]
  const full = detail === 'full'
  return (
    <Group id={id} name="note" x={x} y={y}>
      <Rect
        width={w}
        height={h}
        fill={ink.fill}
        stroke={ink.border}
        strokeWidth={1}
        cornerRadius={detail === 'block' ? 0 : NOTE_TEXT.cornerRadiusPx}
        shadowEnabled={full}
        shadowColor="#1f2a44"
        shadowOpacity={0.16}
        shadowBlur={10}
        shadowOffsetY={3}
        shadowForStrokeEnabled={false}
        perfectDrawEnabled={false}
      />
      {showText && (
        <Text
          x={NOTE_TEXT.paddingPx}
          y={NOTE_TEXT.paddingPx}
          width={w - 2 * NOTE_TEXT.paddingPx}
          height={h - 2 * NOTE_TEXT.paddingPx}
          text={lines}
          fill={ink.text}
          fontFamily={NOTE_TEXT.fontFamily}
          fontSize={NOTE_TEXT.fontSizePx}
          lineHeight={NOTE_TEXT.lineHeight}
          wrap="none"
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
}

export const NoteNode = memo(NoteNodeImpl)
