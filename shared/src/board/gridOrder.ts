/*
 * Where a new or moved stage (column) or lane (row) goes, as a fractional order key: data in, data out.
 * Stages and lanes are ordered like notes, by key then id (`compareByOrder`), so two columns may hold
 * equal keys after a concurrent insert; there is no key strictly between equal keys, and then the item
 * goes just after the run of equal keys instead of failing.
 */
import { keyBetween } from '../order'

export interface Ordered {
  id: string
  order: string
}

/** Which side of the target a new header goes: left/above is 'before', right/below is 'after'. */
export type InsertSide = 'before' | 'after'

/** A key that sorts between `sorted[index - 1]` and `sorted[index]` (`sorted` in display order). */
export function keyAtIndex(sorted: readonly Ordered[], index: number): string {
  const before = index > 0 ? (sorted[index - 1]?.order ?? null) : null
  let next = index
  // Skip neighbours whose key equals `before`: nothing fits between equal keys.
  while (before !== null && next < sorted.length && (sorted[next] as Ordered).order <= before) next++
  const after = next < sorted.length ? (sorted[next] as Ordered).order : null
  return keyBetween(before, after)
}

/** The key of a new item beside `targetId`, or at the end when the target is null or gone. */
export function insertKey(sorted: readonly Ordered[], targetId: string | null, side: InsertSide): string {
  const at = targetId === null ? -1 : sorted.findIndex((item) => item.id === targetId)
  if (at < 0) return keyAtIndex(sorted, sorted.length)
  return keyAtIndex(sorted, side === 'before' ? at : at + 1)
}

/** The key that moves `id` one place earlier (-1) or later (+1); null at either edge or when it is gone. */
export function stepKey(sorted: readonly Ordered[], id: string, step: -1 | 1): string | null {
  const at = sorted.findIndex((item) => item.id === id)
  const to = at + step
  if (at < 0 || to < 0 || to >= sorted.length) return null
  const others = sorted.filter((item) => item.id !== id)
  return keyAtIndex(others, to)
}

/**
 * The key that moves `id` into the gap `gap` of `sorted` (0 is before the first item, `sorted.length`
 * after the last), as a header dragged between two others; null when that leaves it where it is.
 */
export function gapKey(sorted: readonly Ordered[], id: string, gap: number): string | null {
  const at = sorted.findIndex((item) => item.id === id)
  if (at < 0 || gap === at || gap === at + 1 || gap < 0 || gap > sorted.length) return null
  const others = sorted.filter((item) => item.id !== id)
  return keyAtIndex(others, gap > at ? gap - 1 : gap)
}
