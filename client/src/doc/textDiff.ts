/*
 * Text changes as splices, pure: the smallest single splice between two texts (what typing into a note
 * writes, commands/applyTextChange.ts), and where a caret goes when someone else's splice arrives.
 */

export interface TextSplice {
  index: number
  deleteCount: number
  insert: string
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** The smallest single splice that turns `before` into `after`; null when they are equal. */
export function diffText(before: string, after: string): TextSplice | null {
  if (before === after) return null
  const max = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  // Never split an emoji (a surrogate pair) between the kept prefix and the replaced middle.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--
  let suffix = 0
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--
  return {
    index: prefix,
    deleteCount: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  }
}

type Delta = readonly { retain?: number; insert?: unknown; delete?: number }[]

/**
 * Where a caret at `index` goes after someone else's change (a Y.Text delta): text inserted before it
 * pushes it right, text deleted before it pulls it left. Keeps the local caret still during remote typing.
 */
export function transformIndex(index: number, delta: Delta): number {
  let pos = 0
  let result = index
  for (const op of delta) {
    if (pos > index) break
    if (op.retain !== undefined) pos += op.retain
    else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (pos <= index) result += length
      pos += length
    } else if (op.delete !== undefined) {
      const removedBefore = Math.min(op.delete, Math.max(0, index - pos))
      result -= removedBefore
      // Deleted text is gone from the old string: skip over it without advancing in the new one.
      index -= removedBefore
    }
  }
  return Math.max(0, result)
}
