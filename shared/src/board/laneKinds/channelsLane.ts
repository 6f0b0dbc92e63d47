/*
 * The channels lane: chips naming the channels a stage happens in (web, email, store…), flowed left
 * to right in each cell like notes but smaller. The row grows with its fullest cell's chip rows.
 */
import type { Chip } from '../records/chip'
import { CHANNELS, type Channel } from '../style'
import { contentLane, grownRow } from './contentLane'

/** How a chip measures; the scene draws chips at these sizes. */
export const CHIP_METRICS = { h: 28, gap: 8, iconW: 20, padX: 10, charW: 8.4, minW: 60, maxW: 220 } as const

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Web',
  'mobile-app': 'Mobile app',
  email: 'Email',
  phone: 'Phone',
  store: 'Store',
  chat: 'Chat',
  social: 'Social',
  ads: 'Ads',
  'word-of-mouth': 'Word of mouth',
  support: 'Support',
  partner: 'Partner',
  'in-product': 'In product',
  custom: 'Custom',
}

/** What a chip says: a custom chip's own label, else its channel's name. */
export const chipText = (chip: Pick<Chip, 'channel' | 'label'>): string =>
  chip.label ?? CHANNEL_LABELS[chip.channel] ?? CHANNELS[0]

export const chipWidth = (chip: Pick<Chip, 'channel' | 'label'>): number => {
  const { padX, iconW, charW, minW, maxW } = CHIP_METRICS
  return Math.min(maxW, Math.max(minW, 2 * padX + iconW + chipText(chip).length * charW))
}

/** The height of a cell's chips flowed left to right in `innerW`, wrapping like notes. */
export function chipsHeight(chips: readonly Chip[], innerW: number): number {
  if (chips.length === 0) return 0
  let rows = 1
  let x = 0
  for (const chip of chips) {
    const w = chipWidth(chip)
    if (x > 0 && x + w > innerW) {
      rows++
      x = 0
    }
    x += w + CHIP_METRICS.gap
  }
  return rows * CHIP_METRICS.h + (rows - 1) * CHIP_METRICS.gap
}

export const channelsLane = contentLane({
  id: 'channels',
  label: 'Channels',
  holds: 'chips',
  rowHeight: grownRow(64),
  contentHeight: (cell, content) =>
    chipsHeight(
      content.chips.filter((c) => c.laneId === cell.laneId && c.stageId === cell.stageId),
      cell.innerW,
    ),
  accepts: ['chip'],
  cellTint: '#f5faff',
  headerAccent: '#4d8fd6',
  swatch: { fill: '#c7e3ff', border: '#4d8fd6' },
  csv: {
    columns: ['stage', 'lane', 'channel', 'label'],
    rows: (lane, board) =>
      // board.chips is in reading order (by order key), so each cell's chips stay in that order.
      board.stages.flatMap((stage) =>
        board.chips
          .filter((c) => c.laneId === lane.id && c.stageId === stage.id)
          .map((c) => [stage.title, lane.title, c.channel, chipText(c)]),
      ),
  },
})
