/*
 * Whether a record is still in the document, whatever its kind: what the selection and the undo history
 * check before they hold on to an id a colleague may have deleted meanwhile. A kind this version does not
 * know counts as gone.
 */
import type * as Y from 'yjs'
import { isId, type RecordId } from '../../../shared/src/board/ids'
import { getLanes, getNotes, getStages } from '../../../shared/src/board/schema'

export function recordExists(doc: Y.Doc, id: RecordId): boolean {
  if (isId('note', id)) return getNotes(doc).has(id)
  if (isId('stage', id)) return getStages(doc).has(id)
  if (isId('lane', id)) return getLanes(doc).has(id)
  return false
}
