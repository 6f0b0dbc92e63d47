/*
 * One note on the canvas, drawn from its scene items (shared/scene/noteItems). Its position comes from
 * the layout (props, so a text edit never moves it); its content comes from its own subscription
 * (useNote), so typing in it rebuilds and re-renders its items alone.
 */
import { memo, useMemo } from 'react'
import { Group } from 'react-konva'
import type { NoteId } from '../../../shared/src/board/ids'
import { noteLook } from '../../../shared/src/scene/contentItems'
import { type NoteDetail, noteItems } from '../../../shared/src/scene/noteItems'
import { useNote, useTagInks } from '../doc/hooks'
import { DIMMED_OPACITY } from '../view/noteFilter'
import { SceneItemNode } from './SceneItemNode'

interface Props {
  id: NoteId
  x: number
  y: number
  w: number
  h: number
  detail: NoteDetail
  /** The DOM editor lies over the note; drawing the text too would double it. */
  editing: boolean
  /** A filter leaves the note out: drawn faded (view/noteFilter.ts). */
  dimmed?: boolean
}

function NoteNodeImpl({ id, x, y, w, h, detail, editing, dimmed = false }: Props) {
  const note = useNote(id)
  const inks = useTagInks()
  // In the group's own space: the group carries the position (a dragged note is drawn on the drag layer instead).
  const items = useMemo(
    () => (note ? noteItems(noteLook(note, inks), { x: 0, y: 0, w, h }, detail) : []),
    [note, inks, w, h, detail],
  )
  if (!note) return null
  return (
    <Group id={id} name="note" x={x} y={y} opacity={dimmed ? DIMMED_OPACITY : 1}>
      {items.map((item, i) =>
        editing && item.kind === 'text' && !item.secondary ? null : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a note's items are a fixed list for its detail
          <SceneItemNode key={i} item={item} />
        ),
      )}
    </Group>
  )
}

export const NoteNode = memo(NoteNodeImpl)
