import * as Y from 'yjs'
import type { FieldMap } from '../topLevel'

/** Puts a record map holding exactly `fields` under `id`, as an old, newer or hostile client might have written it. */
export function rawRecord(
  collection: Y.Map<FieldMap>,
  id: string,
  fields: Record<string, unknown>,
): FieldMap {
  const map: FieldMap = new Y.Map()
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  collection.set(id, map)
  return map
}
