/*
 * The document's top-level types, and the only code that names them (`doc.getMap('notes')`).
 * schema.ts re-exports these accessors with the records' API; the record modules (records/*.ts)
 * import them from here rather than from schema.ts, which imports them, so that there is no
 * import cycle.
 *
 *   meta          Y.Map  the board's own fields                                  records/meta.ts
 *   stages        Y.Map  stage:<id> → Y.Map                                      records/stage.ts
 *   lanes         Y.Map  lane:<id>  → Y.Map                                      records/lane.ts
 *   notes         Y.Map  note:<id>  → Y.Map                                      records/note.ts
 *   personas      Y.Map  persona:<id> → Y.Map                                    records/persona.ts
 *   tags          Y.Map  tag:<id> → Y.Map                                        records/tag.ts
 *   connectors    Y.Map  connector:<id> → Y.Map                                  records/connector.ts
 *   chips         Y.Map  chip:<id> → Y.Map                                       records/chip.ts
 *   scores        Y.Map  <laneId>/<stageId>/<personaId> → integer −2…2           records/score.ts
 *   metricValues  Y.Map  <laneId>/<stageId> → number                             records/metricValue.ts
 *   laneTexts     Y.Map  <laneId>/<stageId> → Y.Text                             records/laneText.ts
 *
 * The keyed maps (keyed.ts) hold plain values, typed `unknown` here: a hostile or newer client may
 * have written anything, and their readers check each value.
 */
import type * as Y from 'yjs'

/** A record's stored fields, as its Y.Map holds them. */
export type FieldMap = Y.Map<unknown>

export const getMeta = (doc: Y.Doc): FieldMap => doc.getMap('meta')
export const getStages = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('stages')
export const getLanes = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('lanes')
export const getNotes = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('notes')
export const getPersonas = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('personas')
export const getTags = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('tags')
export const getConnectors = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('connectors')
export const getChips = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('chips')
export const getScores = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('scores')
export const getMetricValues = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('metricValues')
export const getLaneTexts = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('laneTexts')

/**
 * Every top-level type of this version, e.g. for an undo manager's scope: a record type added later
 * is added here, and everything that watches "the whole board" follows.
 */
// biome-ignore lint/suspicious/noExplicitAny: Y.UndoManager's own scope type; the maps' value types differ.
export const getAllTopLevel = (doc: Y.Doc): Y.AbstractType<any>[] => [
  getMeta(doc),
  getStages(doc),
  getLanes(doc),
  getNotes(doc),
  getPersonas(doc),
  getTags(doc),
  getConnectors(doc),
  getChips(doc),
  getScores(doc),
  getMetricValues(doc),
  getLaneTexts(doc),
]
