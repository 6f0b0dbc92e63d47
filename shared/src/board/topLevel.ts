/*
 * The document's top-level types, and the only code that names them (`doc.getMap('notes')`).
 * schema.ts re-exports these accessors with the records' API; the record modules (records/*.ts)
 * import them from here rather than from schema.ts, which imports them, so that there is no
 * import cycle.
 *
 *   meta    Y.Map  the board's own fields (records/meta.ts)
 *   stages  Y.Map  stage:<id> → Y.Map (records/stage.ts)
 *   lanes   Y.Map  lane:<id>  → Y.Map (records/lane.ts)
 *   notes   Y.Map  note:<id>  → Y.Map (records/note.ts)
 *
 * A record type of the anatomy issue (connector, persona, tag) adds its map here: `connectors`,
 * keyed by `connector:<id>`.
 */
import type * as Y from 'yjs'

/** A record's stored fields, as its Y.Map holds them. */
export type FieldMap = Y.Map<unknown>

export const getMeta = (doc: Y.Doc): FieldMap => doc.getMap('meta')
export const getStages = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('stages')
export const getLanes = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('lanes')
export const getNotes = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('notes')
