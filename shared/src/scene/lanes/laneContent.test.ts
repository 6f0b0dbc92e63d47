import { describe, expect, it } from 'vitest'
import type { ChipId, LaneId, StageId } from '../../board/ids'
import { chipsHeight } from '../../board/laneKinds/channelsLane'
import type { Channel } from '../../board/style'
import { channelCellItems, chipBoxes } from './channelChips'
import { barShares, formatMetric, metricLaneItems } from './metricRow'
import { textBlockItems } from './textBlock'

const laneId = 'lane:c' as LaneId
const cell = { x: 200, y: 100, w: 300, h: 200 }

describe('channel chips', () => {
  it('flows chips in order inside the cell, wrapping like the layout measured them', () => {
    const chips = ['email', 'web', 'store', 'phone', 'chat'].map((channel, i) => ({
      id: `chip:${i}` as ChipId,
      channel: channel as Channel,
    }))
    const boxes = chipBoxes(cell, chips)
    expect(boxes[0]).toMatchObject({ x: 216, y: 116 })
    expect(boxes.every((b) => b.x + b.w <= cell.x + cell.w - 16)).toBe(true)
    const rows = new Set(boxes.map((b) => b.y)).size
    expect(chipsHeight(chips as never, cell.w - 32)).toBe(rows * 28 + (rows - 1) * 8)
  })

  it('draws each chip as a pill, its channel icon and its label (or the channel name)', () => {
    const items = channelCellItems(
      cell,
      [
        { id: 'chip:a' as ChipId, channel: 'email' },
        { id: 'chip:b' as ChipId, channel: 'custom', label: 'Billboard' },
      ],
      laneId,
      'stage:s' as StageId,
    )
    expect(items.filter((i) => i.kind === 'icon').map((i) => i.kind === 'icon' && i.name)).toEqual([
      'mail',
      'tag',
    ])
    expect(items.filter((i) => i.kind === 'text').map((i) => i.kind === 'text' && i.text)).toEqual([
      'Email',
      'Billboard',
    ])
    expect(items.every((i) => i.stage === 'stage:s')).toBe(true)
  })
})

describe('metrics', () => {
  it('formats values with their unit', () => {
    expect(formatMetric(42, '%')).toBe('42 %')
    expect(formatMetric(-3.26, '')).toBe('−3.3')
    expect(formatMetric(1250, 'tickets')).toBe('1,250 tickets')
  })

  it('scales bars to the largest magnitude in the row and draws nothing for an empty cell', () => {
    const s = (n: number) => `stage:${n}` as StageId
    const values = new Map([
      [s(0), 50],
      [s(1), -25],
    ])
    expect(barShares(values)).toEqual(
      new Map([
        [s(0), 1],
        [s(1), 0.5],
      ]),
    )
    const items = metricLaneItems(
      { id: laneId, y: 0, h: 120 },
      [0, 1, 2].map((i) => ({ id: s(i), x: 200 + 300 * i, w: 300 })),
      values,
      '%',
    )
    expect(items.filter((i) => i.kind === 'text').map((i) => i.kind === 'text' && i.text)).toEqual([
      '50 %',
      '−25 %',
    ])
    const bars = items.filter((i) => i.kind === 'rect' && i.fill !== '#e6ebf3')
    expect(bars.map((b) => b.kind === 'rect' && b.w)).toEqual([268, 134])
    expect(items.some((i) => 'x' in i && i.x >= 800)).toBe(false)
  })
})

describe('text blocks', () => {
  it('wraps the text inside the cell, and an empty block draws nothing', () => {
    const [item] = textBlockItems(cell, 'Moment of truth: the first invoice', laneId, 'stage:s' as StageId)
    expect(item).toMatchObject({ kind: 'text', wrap: 'word', x: 216, w: 268, ellipsis: true })
    expect(textBlockItems(cell, '  \n', laneId, 'stage:s' as StageId)).toEqual([])
  })
})
