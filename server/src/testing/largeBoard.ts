import * as Y from 'yjs'
import type { LaneId, StageId } from '../../../shared/src/board/ids'
import { addLane, addStage, createNote, getNoteText } from '../../../shared/src/board/schema'
import { keysBetween } from '../../../shared/src/order'

/*
 * Fills a doc with notes holding real (varied, uncompressible-looking) text until its encoded state
 * reaches `targetBytes`, the way a big workshop board grows: one transaction per note, then some
 * typing and deleting in note texts, so the history has deletions that the encoded state no longer
 * carries. Notes get explicit orders from `keysBetween`, as the client's bulk paste does.
 */

export function fillLargeBoard(doc: Y.Doc, targetBytes: number, options: { seed?: number } = {}): number {
  let seed = options.seed ?? 1
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
  const word = () =>
    Array.from({ length: 2 + Math.floor(random() * 8) }, () =>
      String.fromCharCode(97 + Math.floor(random() * 26)),
    ).join('')
  const sentence = (words: number) => Array.from({ length: words }, word).join(' ')

  const stageIds: StageId[] = [addStage(doc, 'Discover'), addStage(doc, 'Buy'), addStage(doc, 'Use')]
  const laneIds: LaneId[] = [addLane(doc, 'Actions', 'actions'), addLane(doc, 'Pains', 'pain-points')]
  const lastOrder = new Map<string, string | null>()
  let notes = 0
  let size = Y.encodeStateAsUpdate(doc).byteLength
  while (size < targetBytes) {
    // Big rounds while far from the target (measuring the doc is O(size)), small ones near it.
    const bytesPerNote = notes > 0 ? size / notes : 1_000
    const cells = stageIds.length * laneIds.length
    const notesPerCell = Math.max(10, Math.floor((targetBytes - size) / bytesPerNote / cells / 2))
    for (const stageId of stageIds) {
      for (const laneId of laneIds) {
        const cell = `${stageId} ${laneId}`
        const orders = keysBetween(lastOrder.get(cell) ?? null, null, notesPerCell)
        lastOrder.set(cell, orders.at(-1)!)
        for (const order of orders) {
          const id = createNote(doc, {
            stageId,
            laneId,
            order,
            text: sentence(40 + Math.floor(random() * 80)),
          })
          notes++
          if (notes % 7 === 0) {
            // Typing and deleting: leaves tombstones the encoded state keeps only as ranges.
            const text = getNoteText(doc, id)!
            text.insert(0, sentence(10))
            text.delete(5, 20)
          }
        }
      }
    }
    size = Y.encodeStateAsUpdate(doc).byteLength
  }
  return notes
}
