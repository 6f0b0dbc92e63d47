/*
 * Typing into a note writes only what changed: the common prefix and suffix of the old and new text are
 * kept, and the middle becomes one delete and one insert (doc/textDiff.ts finds them). Two people typing
 * in the same note then merge character by character instead of overwriting each other's whole text.
 * The `note.setText` command is its caller in the app.
 */
import type * as Y from 'yjs'
import { diffText } from '../doc/textDiff'

/** Makes `text` read `next` with a minimal splice, in one transaction. */
export function applyTextChange(text: Y.Text, next: string, origin: unknown = 'local'): void {
  const splice = diffText(text.toString(), next)
  if (!splice || !text.doc) return
  text.doc.transact(() => {
    if (splice.deleteCount > 0) text.delete(splice.index, splice.deleteCount)
    if (splice.insert !== '') text.insert(splice.index, splice.insert)
  }, origin)
}
