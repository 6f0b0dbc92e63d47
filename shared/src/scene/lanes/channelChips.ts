/*
 * A channels lane's cell as scene items: its touchpoints as chips, one per row, in their order, each a
 * pill with the channel's icon (lucide, drawn as paths: no emoji font) and its label.
 */
import type { LaneId, StageId } from '../../board/ids'
import type { Rect } from '../../layout/geometry'
import type { IconName } from '../icons'
import type { SceneItem } from '../items'

/** The channels a chip can name, with their icon and the label a chip shows when it has none of its own. */
export const CHANNEL_LOOKS = {
  web: { icon: 'globe', label: 'Web' },
  'mobile-app': { icon: 'smartphone', label: 'Mobile app' },
  email: { icon: 'mail', label: 'Email' },
  phone: { icon: 'phone', label: 'Phone' },
  store: { icon: 'store', label: 'Store' },
  chat: { icon: 'message-circle', label: 'Chat' },
  social: { icon: 'share-2', label: 'Social' },
  ads: { icon: 'megaphone', label: 'Ads' },
  'word-of-mouth': { icon: 'messages-square', label: 'Word of mouth' },
  support: { icon: 'life-buoy', label: 'Support' },
  partner: { icon: 'handshake', label: 'Partner' },
  'in-product': { icon: 'app-window', label: 'In-product' },
  custom: { icon: 'tag', label: 'Custom' },
} as const satisfies Record<string, { icon: IconName; label: string }>

export type ChannelLook = keyof typeof CHANNEL_LOOKS

export const CHIP_STYLE = {
  heightPx: 32,
  gapPx: 8,
  insetPx: 12,
  iconPx: 18,
  fontSizePx: 14,
  fill: '#eef4ff',
  border: '#9db8ea',
  text: '#13294b',
  icon: '#2457b5',
} as const

export interface ChipInput {
  /** The chip's record id (selection and hit-testing). */
  id: string
  channel: string
  label: string
}

/** What a chip reads: its own label, or its channel's name. */
export function chipText(chip: Pick<ChipInput, 'channel' | 'label'>): string {
  const label = chip.label.trim()
  if (label) return label
  return channelLook(chip.channel).label
}

export function channelLook(channel: string): { icon: IconName; label: string } {
  return channel in CHANNEL_LOOKS ? CHANNEL_LOOKS[channel as ChannelLook] : CHANNEL_LOOKS.custom
}

/** The height a cell needs for `count` chips (the lane grows to its fullest cell). */
export function channelCellHeight(count: number): number {
  const { heightPx, gapPx, insetPx } = CHIP_STYLE
  return count === 0 ? 0 : 2 * insetPx + count * heightPx + (count - 1) * gapPx
}

/** Where each chip of a cell sits, in order. */
export function chipBoxes(cell: Rect, count: number): Rect[] {
  const { heightPx, gapPx, insetPx } = CHIP_STYLE
  return Array.from({ length: count }, (_, i) => ({
    x: cell.x + insetPx,
    y: cell.y + insetPx + i * (heightPx + gapPx),
    w: Math.max(0, cell.w - 2 * insetPx),
    h: heightPx,
  }))
}

export function channelCellItems(
  cell: Rect,
  chips: readonly ChipInput[],
  laneId: LaneId,
  stage: StageId,
): SceneItem[] {
  const s = CHIP_STYLE
  return chipBoxes(cell, chips.length).flatMap((box, i) => {
    const chip = chips[i] as ChipInput
    const look = channelLook(chip.channel)
    const iconY = box.y + (box.h - s.iconPx) / 2
    return [
      {
        kind: 'rect',
        layer: 'content',
        record: laneId,
        stage,
        ...box,
        radius: box.h / 2,
        fill: s.fill,
        stroke: { color: s.border, width: 1 },
      },
      {
        kind: 'icon',
        layer: 'content',
        record: laneId,
        stage,
        name: look.icon,
        color: s.icon,
        x: box.x + 10,
        y: iconY,
        w: s.iconPx,
        h: s.iconPx,
      },
      {
        kind: 'text',
        layer: 'content',
        record: laneId,
        stage,
        x: box.x + 10 + s.iconPx + 8,
        y: box.y,
        w: Math.max(0, box.w - s.iconPx - 32),
        h: box.h,
        text: chipText(chip),
        color: s.text,
        fontSize: s.fontSizePx,
        fontWeight: 600,
        lineHeight: 1,
        letterSpacing: 0,
        align: 'left',
        verticalAlign: 'middle',
        wrap: 'none',
        ellipsis: true,
      },
    ] satisfies SceneItem[]
  })
}
