/*
 * The connector record: an arrow from one note or stage to another ("leads to", "causes").
 * Stored as `connectors: connector:<id> → Y.Map { from, to, route, label, createdAt }`. Follows the
 * record pattern of stage.ts. A connector whose end is gone is kept (a concurrent undo may bring the
 * end back) but not drawn: `drawableConnectors` says which are.
 */
import * as Y from 'yjs'
import { type ConnectorId, isId, type NoteId, newId, type StageId } from '../ids'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { type FieldMap, getConnectors } from '../topLevel'
import { choiceField, type FieldTable, labelField, readFields, refField, timestampField } from './field'
import { parseStrict, recordSchema, type StrictResult } from './strict'

export const CONNECTOR_ROUTES = ['straight', 'elbow'] as const
export type ConnectorRoute = (typeof CONNECTOR_ROUTES)[number]
export type ConnectorEnd = NoteId | StageId

export interface Connector {
  id: ConnectorId
  from: ConnectorEnd
  to: ConnectorEnd
  route: ConnectorRoute
  label?: string
  createdAt?: number
}

export const CONNECTOR_FIELDS = {
  from: refField(['note', 'stage']),
  to: refField(['note', 'stage']),
  route: choiceField(CONNECTOR_ROUTES, 'straight'),
  label: labelField(80),
  createdAt: timestampField(),
} as const satisfies FieldTable<Omit<Connector, 'id'>>

export const CONNECTOR_MIGRATIONS: readonly MigrationStep[] = []

export function readConnector(id: string, map: unknown): Connector | null {
  if (!isId('connector', id) || !(map instanceof Y.Map)) return null
  return readFields<Omit<Connector, 'id'>, { id: typeof id }>(map, CONNECTOR_FIELDS, { id })
}

/** Every connector, by creation time then id (the order arrows are drawn in). */
export function readConnectors(doc: Y.Doc): Connector[] {
  const list: Connector[] = []
  getConnectors(doc).forEach((map, id) => {
    const connector = readConnector(id, map)
    if (connector) list.push(connector)
  })
  return list.sort(
    (a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/** The connectors whose both ends exist among `ends` (the board's note and stage ids): those drawn. */
export const drawableConnectors = (
  connectors: readonly Connector[],
  ends: ReadonlySet<string>,
): Connector[] => connectors.filter((c) => ends.has(c.from) && ends.has(c.to))

let connectorSchema: ReturnType<typeof recordSchema> | undefined

export function parseConnector(value: unknown, at = 'connector'): StrictResult<Connector> {
  connectorSchema ??= recordSchema(CONNECTOR_FIELDS, 'connector')
  return parseStrict(connectorSchema, value, at)
}

// ——— mutations ———

export interface ConnectorInit {
  from: ConnectorEnd
  to: ConnectorEnd
  route?: ConnectorRoute
  label?: string
  id?: ConnectorId
}

const isEnd = (value: unknown): value is ConnectorEnd => isId('note', value) || isId('stage', value)

/** Adds a connector; null when an end is not a note or stage id, or both ends are one. */
export function addConnector(
  doc: Y.Doc,
  init: ConnectorInit,
  origin: BoardOrigin = 'local',
): ConnectorId | null {
  if (!isEnd(init.from) || !isEnd(init.to) || init.from === init.to) return null
  const id = init.id ?? newId('connector')
  doc.transact(() => {
    const map: FieldMap = new Y.Map()
    map.set('from', init.from)
    map.set('to', init.to)
    map.set('route', init.route ?? 'straight')
    if (init.label) map.set('label', init.label.slice(0, 80))
    map.set('createdAt', Date.now())
    getConnectors(doc).set(id, map)
  }, origin)
  return id
}

export interface ConnectorPatch {
  from?: ConnectorEnd
  to?: ConnectorEnd
  route?: ConnectorRoute
  /** null or '' removes the label. */
  label?: string | null
}

export function updateConnector(
  doc: Y.Doc,
  id: ConnectorId,
  patch: ConnectorPatch,
  origin: BoardOrigin = 'local',
): void {
  const map = getConnectors(doc).get(id)
  if (!(map instanceof Y.Map)) return
  doc.transact(() => {
    if (patch.from !== undefined && isEnd(patch.from) && map.get('from') !== patch.from)
      map.set('from', patch.from)
    if (patch.to !== undefined && isEnd(patch.to) && map.get('to') !== patch.to) map.set('to', patch.to)
    if (
      patch.route !== undefined &&
      CONNECTOR_ROUTES.includes(patch.route) &&
      map.get('route') !== patch.route
    )
      map.set('route', patch.route)
    if (patch.label === null || patch.label === '') {
      if (map.has('label')) map.delete('label')
    } else if (patch.label !== undefined && map.get('label') !== patch.label)
      map.set('label', patch.label.slice(0, 80))
  }, origin)
}

export function removeConnector(doc: Y.Doc, id: ConnectorId, origin: BoardOrigin = 'local'): void {
  doc.transact(() => getConnectors(doc).delete(id), origin)
}

/** Removes every connector touching one of `ends`; called inside the removal of notes or a stage. */
export function removeConnectorsTouching(doc: Y.Doc, ends: ReadonlySet<string>): void {
  if (ends.size === 0) return
  const connectors = getConnectors(doc)
  for (const [id, map] of [...connectors.entries()]) {
    if (!(map instanceof Y.Map)) continue
    if (ends.has(map.get('from') as string) || ends.has(map.get('to') as string)) connectors.delete(id)
  }
}
