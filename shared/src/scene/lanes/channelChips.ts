/*
 * A channels lane's cell as scene items: its touchpoints as chips flowed left to right in their order
 * (as the layout measured them: laneKinds/channelsLane.ts), each a pill with the channel's icon
 * (lucide, drawn as paths: no emoji font) and its label.
 */
import type { LaneId, StageId } from '../../board/ids'
import { CHIP_METRICS, chipText, chipWidth } from '../../board/laneKinds/channelsLane'
import type { Chip } from '../../board/records/chip'
import type { Channel } from '../../board/style'
import type { Rect } from '../../layout/geometry'
import { GRID } from '../../layout/gridMetrics'
import type { IconName } from '../icons'
import type { SceneItem } from '../items'

export const CHANNEL_ICONS: Record<Channel, IconName> = {
  web: 'globe',
  'mobile-app': 'smartphone',
  email: 'mail',
  phone: 'phone',
  store: 'store',
  chat: 'message-circle',
  social: 'share-2',
  ads: 'megaphone',
  'word-of-mouth': 'messages-square',
  support: 'life-buoy',
  partner: 'handshake',
  'in-product': 'app-window',
  custom: 'tag',
}

export const CHIP_INK = { fill: '#eef4ff', border: '#9db8ea', text: '#13294b', icon: '#2457b5' } as const
// charW in CHIP_METRICS is this size's average advance (DejaVu Sans Bold, the PDF's face, is the widest).
const CHIP_FONT_PX = 12
const ICON_PX = 16

export type ChipLook = Pick<Chip, 'id' | 'channel' | 'label'>

/** Where each chip of a cell sits, flowed like the layout measured it (wrapping at the cell's inner width). */
export function chipBoxes(cell: Rect, chips: readonly ChipLook[]): Rect[] {
  const pad = GRID.cellPaddingPx
  const innerW = Math.max(0, cell.w - 2 * pad)
  const boxes: Rect[] = []
  let x = 0
  let y = 0
  for (const chip of chips) {
    const w = Math.min(innerW, chipWidth(chip))
    if (x > 0 && x + w > innerW) {
      x = 0
      y += CHIP_METRICS.h + CHIP_METRICS.gap
    }
    boxes.push({ x: cell.x + pad + x, y: cell.y + pad + y, w, h: CHIP_METRICS.h })
    x += w + CHIP_METRICS.gap
  }
  return boxes
}

export function channelCellItems(
  cell: Rect,
  chips: readonly ChipLook[],
  laneId: LaneId,
  stage: StageId,
): SceneItem[] {
  const boxes = chipBoxes(cell, chips)
  return chips.flatMap((chip, i): SceneItem[] => {
    const box = boxes[i] as Rect
    const iconX = box.x + CHIP_METRICS.padX - 2
    const textX = iconX + ICON_PX + 4
    return [
      {
        kind: 'rect',
        layer: 'content',
        record: laneId,
        stage,
        ...box,
        radius: box.h / 2,
        fill: CHIP_INK.fill,
        stroke: { color: CHIP_INK.border, width: 1 },
      },
      {
        kind: 'icon',
        layer: 'content',
        record: laneId,
        stage,
        name: CHANNEL_ICONS[chip.channel] ?? 'tag',
        color: CHIP_INK.icon,
        x: iconX,
        y: box.y + (box.h - ICON_PX) / 2,
        w: ICON_PX,
        h: ICON_PX,
      },
      {
        kind: 'text',
        layer: 'content',
        record: laneId,
        stage,
        x: textX,
        y: box.y,
        w: Math.max(0, box.x + box.w - textX - 6),
        h: box.h,
        text: chipText(chip),
        color: CHIP_INK.text,
        fontSize: CHIP_FONT_PX,
        fontWeight: 600,
        lineHeight: 1,
        letterSpacing: 0,
        align: 'left',
        verticalAlign: 'middle',
        wrap: 'none',
        ellipsis: true,
      },
    ]
  })
}
