/*
 * A stored field, declared once. One factory call, such as `clampedNumber(80, 480, 160)`, gives both
 * halves of a field's validation from the same parameters:
 *
 *   rule  plain data; strict.ts builds from it the zod schema that a JSON import checks against
 *         ("notes[12].w: expected a number from 80 to 480, got 1000000000")
 *   read  the tolerant read a Yjs reader applies to whatever a map holds: the value as it is, or
 *         repaired (clamped, defaulted, cut), or UNPLACEABLE when the record cannot be placed
 *         without it (it is then skipped, never drawn)
 *
 * `read` is a plain closure that never goes through zod: readers run on hot paths (the client's
 * layout store reads every note's placement on each structural change of a 20,000-note board;
 * bench/micro/readers.ts measures it). field.test.ts checks on hostile values that the halves agree:
 * whatever the strict schema accepts, `read` returns unchanged, and whatever `read` cannot place,
 * the strict schema rejects. Keeping this file free of zod keeps zod out of the client bundle.
 */
import * as Y from 'yjs'
import { isOrderKey } from '../../order'
import { type IdKind, type IdOf, isId } from '../ids'

/** What `read` returns for a value the record cannot be placed without. */
export const UNPLACEABLE: unique symbol = Symbol('unplaceable')
export type Unplaceable = typeof UNPLACEABLE

/** A field's validation as data: what a well-formed value is, and what a reader makes of a bad one. */
export type FieldRule =
  /** A kind-prefixed id (`stage:…`); required. */
  | { type: 'id'; kind: IdKind }
  /** A fractional order key (shared/src/order.ts); required. */
  | { type: 'orderKey' }
  /**
   * One of a fixed set of names; anything else reads as `fallback`. `aliases` are older names a
   * strict parse still accepts and a reader reads as their new name (v1's lane kind `emotions`).
   */
  | {
      type: 'choice'
      values: readonly string[]
      fallback: string
      aliases?: Readonly<Record<string, string>>
    }
  /** A finite number in [min, max], a whole one if `integer`; out of range is clamped, anything else reads as `fallback`. */
  | { type: 'number'; min: number; max: number; integer: boolean; fallback: number }
  /** A string that is not blank, at most `maxChars` long (a longer one is cut); anything else reads as `fallback`. */
  | { type: 'title'; maxChars: number; fallback: string }
  /** Collaborative text: a Y.Text in the document, a string in JSON; shown cut at `maxChars` with "…". */
  | { type: 'text'; maxChars: number }
  /** Epoch milliseconds; optional (absent or invalid reads as undefined). */
  | { type: 'timestamp' }
  /**
   * A short string of 1 to `maxChars`, matching `pattern` (a RegExp source) when given; optional
   * (absent or invalid reads as undefined).
   */
  | { type: 'label'; maxChars: number; pattern?: string }
  /** A boolean; anything else reads as false. */
  | { type: 'flag' }
  /** A finite number in [min, max], whole if `integer`; optional: out of range is clamped, anything else reads as undefined. */
  | { type: 'optionalNumber'; min: number; max: number; integer: boolean }
  /** A finite number in [min, max], whole if `integer`; required: out of range is clamped, anything else cannot be placed. */
  | { type: 'requiredNumber'; min: number; max: number; integer: boolean }
  /** A set of ids of `kind`: a Y.Map of id → true in the document, an array of ids in JSON; reads as the valid ids, sorted. */
  | { type: 'idSet'; kind: IdKind }
  /** An id of any of `kinds` (a connector's end); required. */
  | { type: 'ref'; kinds: readonly IdKind[] }
  /**
   * A note filter, `{ tags: tag ids, kinds: note kinds }`, stored whole as a plain object (set at
   * once by whoever shares it); optional: anything else reads as undefined, invalid entries are dropped.
   */
  | { type: 'filter'; kinds: readonly string[] }

/** A field whose read gives T; a required field's T includes Unplaceable. */
export interface Field<T> {
  readonly rule: FieldRule
  /** The tolerant read of a stored value (see the file header). */
  readonly read: (stored: unknown) => T
}

/** Every stored key of a record (its id aside, which is the map key) → its field. */
export type FieldTable<T> = { readonly [K in keyof T]-?: Field<T[K] | Unplaceable> }

export function idField<K extends IdKind>(kind: K): Field<IdOf<K> | Unplaceable> {
  return { rule: { type: 'id', kind }, read: (v) => (isId(kind, v) ? v : UNPLACEABLE) }
}

export function orderKeyField(): Field<string | Unplaceable> {
  return { rule: { type: 'orderKey' }, read: (v) => (isOrderKey(v) ? v : UNPLACEABLE) }
}

export function choiceField<const V extends string>(
  values: readonly V[],
  fallback: NoInfer<V>,
  aliases?: Readonly<Record<string, NoInfer<V>>>,
): Field<V> {
  const known: readonly unknown[] = values
  if (!aliases) {
    return {
      rule: { type: 'choice', values, fallback },
      read: (v) => (known.includes(v) ? (v as V) : fallback),
    }
  }
  const renamed = new Map<unknown, V>(Object.entries(aliases))
  return {
    rule: { type: 'choice', values, fallback, aliases },
    read: (v) => (known.includes(v) ? (v as V) : (renamed.get(v) ?? fallback)),
  }
}

export function clampedNumber(min: number, max: number, fallback: number, integer = false): Field<number> {
  return {
    rule: { type: 'number', min, max, integer, fallback },
    read: (v) =>
      typeof v === 'number' && Number.isFinite(v) && (!integer || Number.isInteger(v))
        ? Math.min(max, Math.max(min, v))
        : fallback,
  }
}

export function titleField(maxChars: number, fallback: string): Field<string> {
  return {
    rule: { type: 'title', maxChars, fallback },
    read: (v) => (typeof v === 'string' && v.trim() !== '' ? v.slice(0, maxChars) : fallback),
  }
}

export function textField(maxChars: number): Field<string> {
  return {
    rule: { type: 'text', maxChars },
    read: (v) => {
      if (!(v instanceof Y.Text)) return ''
      const full = v.toString()
      return full.length > maxChars ? `${full.slice(0, maxChars)}…` : full
    },
  }
}

export function timestampField(): Field<number | undefined> {
  return {
    rule: { type: 'timestamp' },
    read: (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined),
  }
}

export function labelField(maxChars: number, pattern?: RegExp): Field<string | undefined> {
  if (!pattern) {
    return {
      rule: { type: 'label', maxChars },
      read: (v) => (typeof v === 'string' && v.length > 0 && v.length <= maxChars ? v : undefined),
    }
  }
  return {
    rule: { type: 'label', maxChars, pattern: pattern.source },
    read: (v) =>
      typeof v === 'string' && v.length > 0 && v.length <= maxChars && pattern.test(v) ? v : undefined,
  }
}

export function flagField(): Field<boolean> {
  return { rule: { type: 'flag' }, read: (v) => v === true }
}

const inRange = (v: unknown, integer: boolean): v is number =>
  typeof v === 'number' && Number.isFinite(v) && (!integer || Number.isInteger(v))

export function optionalNumber(min: number, max: number, integer = false): Field<number | undefined> {
  return {
    rule: { type: 'optionalNumber', min, max, integer },
    read: (v) => (inRange(v, integer) ? Math.min(max, Math.max(min, v)) : undefined),
  }
}

export function requiredNumber(min: number, max: number, integer = false): Field<number | Unplaceable> {
  return {
    rule: { type: 'requiredNumber', min, max, integer },
    read: (v) => (inRange(v, integer) ? Math.min(max, Math.max(min, v)) : UNPLACEABLE),
  }
}

/** A point of an emotion curve: a whole number from −2 to 2, required (a missing score is a gap, never a 0). */
export const scoreField = (): Field<number | Unplaceable> => requiredNumber(-2, 2, true)

const NO_IDS: readonly never[] = Object.freeze([])

export function idSetField<K extends IdKind>(kind: K): Field<readonly IdOf<K>[]> {
  return {
    rule: { type: 'idSet', kind },
    read: (v) => {
      if (!(v instanceof Y.Map) || v.size === 0) return NO_IDS
      const ids: IdOf<K>[] = []
      for (const [id, on] of v.entries()) if (on === true && isId(kind, id)) ids.push(id)
      return ids.length === 0 ? NO_IDS : ids.sort()
    },
  }
}

export function refField<const K extends IdKind>(kinds: readonly K[]): Field<IdOf<K> | Unplaceable> {
  return {
    rule: { type: 'ref', kinds },
    read: (v) => (kinds.some((kind) => isId(kind, v)) ? (v as IdOf<K>) : UNPLACEABLE),
  }
}

export interface NoteFilter<Kind extends string = string> {
  tags: readonly IdOf<'tag'>[]
  kinds: readonly Kind[]
}

export function filterField<const Kind extends string>(
  kinds: readonly Kind[],
): Field<NoteFilter<Kind> | undefined> {
  const known: readonly unknown[] = kinds
  const distinct = <T>(values: unknown, keep: (v: unknown) => v is T): T[] => {
    if (!Array.isArray(values)) return []
    const out: T[] = []
    for (const v of values) if (keep(v) && !out.includes(v)) out.push(v)
    return out
  }
  return {
    rule: { type: 'filter', kinds },
    read: (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Y.AbstractType)
        return undefined
      const { tags, kinds: stored } = v as { tags?: unknown; kinds?: unknown }
      return {
        tags: distinct(tags, (t): t is IdOf<'tag'> => isId('tag', t)),
        kinds: distinct(stored, (k): k is Kind => known.includes(k)),
      }
    },
  }
}

/**
 * Reads every field of `table` from a record's map into `into` (a record's id, say): the record, or
 * null when a field cannot be placed. The reader of records off the hot path (meta, stages, lanes);
 * readNote is written out field by field instead, which is faster on 20,000 notes
 * (bench/micro/readers.ts), and note.test.ts checks that it reads exactly what this does.
 */
export function readFields<T, Into extends object = object>(
  map: Y.Map<unknown>,
  table: FieldTable<T>,
  into: Into = {} as Into,
): (Into & T) | null {
  const record = into as Record<string, unknown>
  for (const key in table) {
    const value = table[key].read(map.get(key))
    if (value === UNPLACEABLE) return null
    record[key] = value
  }
  // Every key of T was read by its own field and none was UNPLACEABLE: what is left is an Into & T.
  return record as Into & T
}
