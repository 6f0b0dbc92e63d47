/*
 * The text lane: one collaborative text block per cell (the `laneTexts` map), for what reads better
 * as prose than as notes (goals, a stage's story). The row grows with its longest block.
 */
import { contentLane, grownRow } from './contentLane'

/** How a text block measures (an estimate: the scene wraps with real font metrics). */
export const TEXT_BLOCK_METRICS = { lineH: 18, charW: 7 } as const

/** The estimated height of `text` wrapped in `innerW`: one line per paragraph at least. */
export function textBlockHeight(text: string, innerW: number): number {
  if (text === '') return 0
  const perLine = Math.max(1, Math.floor(innerW / TEXT_BLOCK_METRICS.charW))
  let lines = 0
  for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil(paragraph.length / perLine))
  return lines * TEXT_BLOCK_METRICS.lineH
}

export const textLane = contentLane({
  id: 'text',
  label: 'Text',
  holds: 'text',
  rowHeight: grownRow(72),
  contentHeight: (cell, content) => {
    const block = content.laneTexts.find((t) => t.laneId === cell.laneId && t.stageId === cell.stageId)
    return block ? textBlockHeight(block.text, cell.innerW) : 0
  },
  cellTint: '#fbfbf8',
  headerAccent: '#9a8f6a',
  swatch: { fill: '#f1ecd9', border: '#9a8f6a' },
  csv: {
    columns: ['stage', 'lane', 'text'],
    rows: (lane, board) => {
      const texts = new Map(board.laneTexts.filter((t) => t.laneId === lane.id).map((t) => [t.stageId, t]))
      return board.stages.flatMap((stage) => {
        const text = texts.get(stage.id)?.text ?? ''
        return text === '' ? [] : [[stage.title, lane.title, text]]
      })
    },
  },
})
