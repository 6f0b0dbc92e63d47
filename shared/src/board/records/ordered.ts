/*
 * What stages, lanes and notes share as ordered records in a keyed Y.Map: reading a whole collection
 * in display order, skipping what cannot be placed, and the key that appends after the last item.
 */
import type * as Y from 'yjs'
import { compareByOrder, keyBetween } from '../../order'
import { MAX_TITLE_CHARS } from '../limits'
import type { FieldMap } from '../topLevel'

export function readSorted<T extends { id: string; order: string }>(
  source: Y.Map<FieldMap>,
  read: (id: string, map: unknown) => T | null,
): T[] {
  const items: T[] = []
  source.forEach((map, id) => {
    const item = read(id, map)
    if (item) items.push(item)
  })
  return items.sort(compareByOrder)
}

/** The order key after the last item of `items`, for appending. */
export function orderAfterLast(items: readonly { order: string }[]): string {
  const last = items.reduce<string | null>(
    (max, item) => (max === null || item.order > max ? item.order : max),
    null,
  )
  return keyBetween(last, null)
}

/** A title as a rename stores it: trimmed and cut; '' means "leave the title as it is". */
export const cleanTitle = (title: string): string => title.trim().slice(0, MAX_TITLE_CHARS)
