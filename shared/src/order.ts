/*
 * Fractional order keys: strings that sort in the order of the items they label, so that moving an
 * item rewrites one key instead of an array. Two peers inserting at the same spot may produce the
 * same key; readers break ties by id (see `compareByOrder`), so every peer shows the same order.
 *
 * A key is a base-62 fraction in (0, 1): "V" is 31/62. Keys never end in the zero digit, which
 * guarantees there is always room for another key between any two.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const BASE = DIGITS.length
const ZERO = DIGITS[0] as string

const digitValue = (ch: string): number => {
  const value = DIGITS.indexOf(ch)
  if (value < 0) throw new Error(`order key has an invalid digit "${ch}"`)
  return value
}

export function isOrderKey(key: unknown): key is string {
  return (
    typeof key === 'string' &&
    key.length > 0 &&
    key.length <= 512 &&
    !key.endsWith(ZERO) &&
    [...key].every((ch) => DIGITS.includes(ch))
  )
}

/** Midpoint of two digit strings a < b, where b === null stands for 1. */
function midpoint(a: string, b: string | null): string {
  let shared = 0
  while (b !== null && shared < b.length && (a[shared] ?? ZERO) === b[shared]) shared++
  if (shared > 0)
    return (b as string).slice(0, shared) + midpoint(a.slice(shared), (b as string).slice(shared))
  const low = a.length > 0 ? digitValue(a[0] as string) : 0
  const high = b !== null && b.length > 0 ? digitValue(b[0] as string) : BASE
  if (high - low > 1) return DIGITS[Math.round((low + high) / 2)] as string
  // Adjacent first digits: b's first digit alone already lies between a and b when b goes on.
  if (b !== null && b.length > 1) return b.slice(0, 1)
  return DIGITS[low] + midpoint(a.slice(1), null)
}

/** A key strictly between `before` and `after`; null means "the start" / "the end". */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && !isOrderKey(before)) throw new Error(`invalid order key before: "${before}"`)
  if (after !== null && !isOrderKey(after)) throw new Error(`invalid order key after: "${after}"`)
  if (before !== null && after !== null && before >= after) {
    throw new Error(`order keys out of order: "${before}" is not before "${after}"`)
  }
  return midpoint(before ?? '', after)
}

/**
 * `count` keys evenly spread between two keys. Bisecting keeps keys short (log2 of count digits)
 * where appending one at a time would grow them linearly.
 */
export function keysBetween(before: string | null, after: string | null, count: number): string[] {
  if (count <= 0) return []
  if (count === 1) return [keyBetween(before, after)]
  const middleIndex = Math.floor(count / 2)
  const middle = keyBetween(before, after)
  return [
    ...keysBetween(before, middle, middleIndex),
    middle,
    ...keysBetween(middle, after, count - middleIndex - 1),
  ]
}

/** Sorts by order key, then id, so that peers agree even on equal keys. */
export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
