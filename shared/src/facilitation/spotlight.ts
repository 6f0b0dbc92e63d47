/*
 * The spotlight (facilitation document's `spotlight` map: `stageId`, schema.ts): the stage everyone's
 * view dims around, or none. A stage id that is not on the board (deleted since, or garbage) reads as
 * none, so a stale spotlight never dims the whole map.
 */
import type * as Y from 'yjs'
import { isId, type StageId } from '../board/ids'
import { getSpotlight } from './schema'

export function readSpotlight(doc: Y.Doc, stageExists: (id: StageId) => boolean): StageId | null {
  const id = getSpotlight(doc).get('stageId')
  return isId('stage', id) && stageExists(id) ? id : null
}

export function setSpotlight(doc: Y.Doc, stageId: StageId | null, origin?: unknown): void {
  const map = getSpotlight(doc)
  doc.transact(() => (stageId ? map.set('stageId', stageId) : map.delete('stageId')), origin)
}
