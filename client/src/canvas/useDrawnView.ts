/*
 * What the notes are drawn for: the view the gesture snapshot says the mounted notes are culled to
 * (gestureSnapshot.ts), as a culling key and a level of detail. The notes layer and the drag layer
 * both draw from it, so a pan or a wheel zoom re-renders neither until the view settles.
 */
import { useSyncExternalStore } from 'react'
import { NOTE_SIZE } from '../../../shared/src/board/limits'
import { cullKey } from '../scene/culling'
import { type NoteDetail, noteDetail } from '../scene/levelOfDetail'
import { useUi } from '../state/ui'
import type { GestureSnapshot } from './gestureSnapshot'

const detailOf = (snapshot: GestureSnapshot): NoteDetail =>
  noteDetail(NOTE_SIZE.defaultH, snapshot.getDrawnView().scale)

/** The culling key (scene/culling.ts) and the detail of the drawn view. */
export function useDrawnView(snapshot: GestureSnapshot): { key: string; detail: NoteDetail } {
  const size = useUi((s) => s.canvasSize)
  const key = useSyncExternalStore(snapshot.subscribe, () => cullKey(snapshot.getDrawnView(), size))
  const detail = useSyncExternalStore(snapshot.subscribe, () => detailOf(snapshot))
  return { key, detail }
}

/** Whether the notes are drawn as blocks; changes only when the drawn view crosses that threshold. */
export function useDrawsBlocks(snapshot: GestureSnapshot): boolean {
  return useSyncExternalStore(snapshot.subscribe, () => detailOf(snapshot) === 'block')
}
