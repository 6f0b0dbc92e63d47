/* A text lane's cell as a scene item: its block of free text, wrapped, cut with "…" at the cell's end. */
import type { LaneId, StageId } from '../../board/ids'
import type { Rect } from '../../layout/geometry'
import type { SceneItem } from '../items'

export const TEXT_BLOCK_STYLE = { insetPx: 16, fontSizePx: 15, lineHeight: 1.4, color: '#1f2a44' } as const

export function textBlockItems(cell: Rect, text: string, laneId: LaneId, stage: StageId): SceneItem[] {
  const s = TEXT_BLOCK_STYLE
  if (text.trim() === '') return []
  return [
    {
      kind: 'text',
      layer: 'content',
      record: laneId,
      stage,
      x: cell.x + s.insetPx,
      y: cell.y + s.insetPx,
      w: Math.max(0, cell.w - 2 * s.insetPx),
      h: Math.max(0, cell.h - 2 * s.insetPx),
      text,
      color: s.color,
      fontSize: s.fontSizePx,
      fontWeight: 400,
      lineHeight: s.lineHeight,
      letterSpacing: 0,
      align: 'left',
      verticalAlign: 'top',
      wrap: 'word',
      ellipsis: true,
    },
  ]
}
