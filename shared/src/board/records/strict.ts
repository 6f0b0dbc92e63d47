/*
 * The strict half of each field (see field.ts): the zod schema a record must pass when it comes from
 * outside the document, such as a JSON import, with errors that name the place and the value:
 *
 *   notes[12].w: expected a number from 80 to 480, got 1000000000
 *   notes[12].stageId: unknown stage
 *
 * The schemas are built from the same FieldRule data the tolerant Yjs readers use, so the two
 * never disagree on what a valid value is. zod's tree-shakable "mini" build, as the server's
 * request-body check uses; only code that calls a record's strict parse (parseNote, …) pulls it in,
 * so the client bundle carries no zod.
 */
import * as z from 'zod/mini'
import { isOrderKey } from '../../order'
import { type IdKind, isId } from '../ids'
import type { FieldRule, FieldTable } from './field'

/** A strict parse: the record (unknown extra fields kept as they are), or every error found in it. */
export type StrictResult<T> = { ok: true; value: T } | { ok: false; errors: string[] }

/** A field that names another record: its value must be one of `known` ("unknown stage" otherwise). */
export interface Reference {
  key: string
  /** The referenced record's noun, for the message. */
  noun: string
  known: ReadonlySet<string>
}

const MAX_SHOWN_CHARS = 40

/** A value as an error message quotes it: JSON, cut short. */
export function shownValue(value: unknown): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text
}

/** What a rule expects, in words: the first half of every message about it. */
export function expectation(rule: FieldRule): string {
  switch (rule.type) {
    case 'id':
      return `expected a ${rule.kind} id ("${rule.kind}:" then 1 to 64 letters, digits, _ or -)`
    case 'orderKey':
      return 'expected an order key (base-62 digits, not ending in 0)'
    case 'choice':
      return `expected one of ${rule.values.map((v) => `"${v}"`).join(', ')}`
    case 'flag':
      return 'expected true or false'
    case 'optionalNumber':
    case 'requiredNumber': {
      const what = rule.integer ? 'a whole number' : 'a number'
      return Number.isFinite(rule.min) || Number.isFinite(rule.max)
        ? `expected ${what} from ${rule.min} to ${rule.max}`
        : `expected ${what}`
    }
    case 'idSet':
      return `expected an array of distinct ${rule.kind} ids`
    case 'ref':
      return `expected an id of a ${rule.kinds.join(' or ')}`
    case 'filter':
      return `expected { "tags": [distinct tag ids], "kinds": [distinct of ${rule.kinds.map((k) => `"${k}"`).join(', ')}] }`
    case 'number': {
      const what = rule.integer ? 'a whole number' : 'a number'
      return rule.max === Number.POSITIVE_INFINITY
        ? `expected ${what} of at least ${rule.min}`
        : `expected ${what} from ${rule.min} to ${rule.max}`
    }
    case 'title':
      return `expected a non-blank string of at most ${rule.maxChars} characters`
    case 'text':
      return `expected a string of at most ${rule.maxChars} characters`
    case 'timestamp':
      return 'expected a time in epoch milliseconds (a whole number ≥ 0)'
    case 'label':
      return rule.pattern
        ? `expected a string of 1 to ${rule.maxChars} characters matching /${rule.pattern}/`
        : `expected a string of 1 to ${rule.maxChars} characters`
  }
}

function ruleSchema(rule: FieldRule): z.ZodMiniType {
  const said = expectation(rule)
  const error = (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing (${said})` : `${said}, got ${shownValue(issue.input)}`
  const params = { error }
  switch (rule.type) {
    case 'id':
      return z.string(params).check(z.refine((v) => isId(rule.kind, v), params))
    case 'orderKey':
      return z.string(params).check(z.refine(isOrderKey, params))
    case 'choice':
      return z.enum([...rule.values, ...Object.keys(rule.aliases ?? {})] as [string, ...string[]], params)
    case 'flag':
      return z.boolean(params)
    case 'optionalNumber':
    case 'requiredNumber': {
      const number = (rule.integer ? z.int(params) : z.number(params)).check(
        z.gte(rule.min, params),
        z.lte(rule.max, params),
      )
      return rule.type === 'optionalNumber' ? z.optional(number) : number
    }
    case 'idSet':
      return z
        .array(z.string(params).check(z.refine((v) => isId(rule.kind, v), params)), params)
        .check(z.refine((ids) => new Set(ids).size === ids.length, params))
    case 'ref':
      return z.string(params).check(z.refine((v) => rule.kinds.some((kind) => isId(kind, v)), params))
    case 'filter': {
      const distinct = (ids: readonly string[]) => new Set(ids).size === ids.length
      const tag = z.string(params).check(z.refine((v) => isId('tag', v), params))
      const kind = z.enum(rule.kinds as [string, ...string[]], params)
      return z.optional(
        z.strictObject(
          {
            tags: z.array(tag, params).check(z.refine(distinct, params)),
            kinds: z.array(kind, params).check(z.refine(distinct, params)),
          },
          params,
        ),
      )
    }
    case 'number':
      return (rule.integer ? z.int(params) : z.number(params)).check(
        z.gte(rule.min, params),
        z.lte(rule.max, params),
      )
    case 'title':
      return z.string(params).check(
        z.maxLength(rule.maxChars, params),
        z.refine((v) => v.trim() !== '', params),
      )
    case 'text':
      return z.string(params).check(z.maxLength(rule.maxChars, params))
    case 'timestamp':
      return z.optional(z.int(params).check(z.gte(0, params)))
    case 'label': {
      const checks = [z.minLength(1, params), z.maxLength(rule.maxChars, params)]
      const pattern = rule.pattern === undefined ? null : new RegExp(rule.pattern)
      return z.optional(
        pattern
          ? z.string(params).check(
              ...checks,
              z.refine((v) => pattern.test(v), params),
            )
          : z.string(params).check(...checks),
      )
    }
  }
}

/** The strict schema of a record: its id (when it has one) and every field of its table; extra keys pass. */
export function recordSchema<T>(table: FieldTable<T>, idKind?: IdKind): z.ZodMiniType {
  const shape: Record<string, z.ZodMiniType> = {}
  if (idKind) shape.id = ruleSchema({ type: 'id', kind: idKind })
  for (const [key, field] of Object.entries<{ rule: FieldRule }>(table)) shape[key] = ruleSchema(field.rule)
  return z.looseObject(shape, {
    error: (issue) => `expected an object, got ${shownValue(issue.input)}`,
  })
}

/** `notes[12]` + ['stageId'] → `notes[12].stageId`. */
function pathName(at: string, path: readonly PropertyKey[]): string {
  let name = at
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`
    else name += name === '' ? String(part) : `.${String(part)}`
  }
  return name
}

/**
 * Checks `value` against a record's strict schema and its references. `at` names the record in the
 * messages (`notes[12]`, or '' for a top-level record such as meta).
 */
export function parseStrict<T>(
  schema: z.ZodMiniType,
  value: unknown,
  at: string,
  references: readonly Reference[] = [],
): StrictResult<T> {
  const parsed = schema.safeParse(value)
  const errors = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const place = pathName(at, issue.path)
        return place === '' ? issue.message : `${place}: ${issue.message}`
      })
  if (parsed.success) {
    const record = parsed.data as Record<string, unknown>
    for (const ref of references) {
      if (!ref.known.has(record[ref.key] as string))
        errors.push(`${pathName(at, [ref.key])}: unknown ${ref.noun}`)
    }
  }
  // The schema was built from the table of T (recordSchema), so what passed it is a T.
  return errors.length === 0 ? { ok: true, value: parsed.data as T } : { ok: false, errors }
}
