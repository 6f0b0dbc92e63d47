/*
 * What the notes are drawn for: the view the notes bitmap says the mounted notes are culled to
 * (notesBitmap.ts), as a culling key and a level of detail. The notes layer and the drag layer
 * both draw from it, so a pan or a wheel zoom re-renders neither until the view settles.
 */
import { useSyncExternalStore } from 'react'
import { NOTE_SIZE } from '../../../shared/src/board/limits'
import { useUi } from '../state/ui'
import { cullKey } from '../view/culling'
import { type NoteDetail, noteDetail } from '../view/levelOfDetail'
import type { NotesBitmap } from './notesBitmap'

const detailOf = (bitmap: NotesBitmap): NoteDetail =>
  noteDetail(NOTE_SIZE.defaultH, bitmap.getDrawnView().scale)

/** The culling key (view/culling.ts) and the detail of the drawn view. */
export function useDrawnView(bitmap: NotesBitmap): { key: string; detail: NoteDetail } {
  const size = useUi((s) => s.canvasSize)
  const key = useSyncExternalStore(bitmap.subscribe, () => cullKey(bitmap.getDrawnView(), size))
  const detail = useSyncExternalStore(bitmap.subscribe, () => detailOf(bitmap))
  return { key, detail }
}

/** Whether the notes are drawn as blocks; changes only when the drawn view crosses that threshold. */
export function useDrawsBlocks(bitmap: NotesBitmap): boolean {
  return useSyncExternalStore(bitmap.subscribe, () => detailOf(bitmap) === 'block')
}
