import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CHIP_FIELDS } from './chip'
import { CONNECTOR_FIELDS } from './connector'
import { type Field, type FieldRule, UNPLACEABLE } from './field'
import { LANE_FIELDS } from './lane'
import { LANE_TEXT } from './laneText'
import { META_FIELDS } from './meta'
import { METRIC_VALUE } from './metricValue'
import { NOTE_FIELDS } from './note'
import { PERSONA_FIELDS } from './persona'
import { SCORE_VALUE } from './score'
import { STAGE_FIELDS } from './stage'
import { parseStrict, recordSchema } from './strict'
import { TAG_FIELDS } from './tag'

const TABLES = {
  META_FIELDS,
  STAGE_FIELDS,
  LANE_FIELDS,
  NOTE_FIELDS,
  PERSONA_FIELDS,
  TAG_FIELDS,
  CONNECTOR_FIELDS,
  CHIP_FIELDS,
  KEYED_VALUES: { score: SCORE_VALUE, metricValue: METRIC_VALUE, laneText: LANE_TEXT },
}
const everyField = Object.entries(TABLES).flatMap(([table, fields]) =>
  Object.entries<Field<unknown>>(fields).map(([key, field]) => ({ name: `${table}.${key}`, key, field })),
)

/** Values near each rule's edges, beside arbitrary ones, so that both halves see valid and invalid input. */
function candidates(rule: FieldRule): fc.Arbitrary<unknown> {
  const near: fc.Arbitrary<unknown>[] = [fc.anything(), fc.constantFrom(undefined, null, '', ' ', NaN, -0)]
  switch (rule.type) {
    case 'id':
      near.push(fc.string({ maxLength: 70 }).map((body) => `${rule.kind}:${body}`))
      near.push(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/).map((body) => `${rule.kind}:${body}`))
      break
    case 'orderKey':
      near.push(fc.stringMatching(/^[0-9A-Za-z]{0,6}$/))
      break
    case 'choice':
      near.push(fc.constantFrom(...rule.values), fc.constantFrom('YELLOW', 'chartreuse'))
      break
    case 'flag':
      near.push(fc.boolean(), fc.constantFrom(0, 1, 'true'))
      break
    case 'optionalNumber':
    case 'requiredNumber':
      near.push(
        fc.integer({ min: Math.max(-1e6, rule.min) - 3, max: Math.min(1e6, rule.max) + 3 }),
        fc.double({ min: Math.max(-1e6, rule.min) - 3, max: Math.min(1e6, rule.max) + 3 }),
        fc.constantFrom(rule.min, rule.max, Number.POSITIVE_INFINITY),
      )
      break
    case 'idSet':
      near.push(
        fc.array(fc.constantFrom(`${rule.kind}:a`, `${rule.kind}:b`, `${rule.kind}:c`, 'x:y'), {
          maxLength: 4,
        }),
      )
      break
    case 'ref':
      near.push(fc.constantFrom(...rule.kinds.map((k) => `${k}:a`), 'chip:a', 'note:'))
      break
    case 'filter':
      near.push(
        fc.record({
          tags: fc.array(fc.constantFrom('tag:a', 'tag:b', 'x'), { maxLength: 3 }),
          kinds: fc.array(fc.constantFrom(...rule.kinds, 'nope'), { maxLength: 3 }),
        }),
      )
      break
    case 'number':
      near.push(
        fc.double({ min: rule.min - 100, max: Math.min(rule.max, 1e6) + 100 }),
        fc.integer({ min: -5, max: 1000 }),
        fc.constantFrom(Number.POSITIVE_INFINITY, rule.min, rule.max),
      )
      break
    case 'title':
    case 'text':
    case 'label':
      near.push(
        fc.string({ maxLength: rule.maxChars + 10 }),
        fc.string({ minLength: rule.maxChars - 2, maxLength: rule.maxChars + 2 }),
      )
      break
    case 'timestamp':
      near.push(fc.integer({ min: -10, max: 2 ** 53 }), fc.double())
      break
  }
  return fc.oneof(...near)
}

/** `value` as the document would hold it: collaborative text is a Y.Text there, a string in JSON. */
function stored(rule: FieldRule, value: unknown): unknown {
  if (rule.type === 'idSet' && Array.isArray(value)) {
    const doc = new Y.Doc()
    const set = new Y.Map<unknown>()
    doc.getMap('m').set('set', set)
    for (const id of value) set.set(String(id), true)
    return set
  }
  if (rule.type !== 'text' || typeof value !== 'string') return value
  const doc = new Y.Doc()
  doc.getMap('m').set('text', new Y.Text(value))
  return doc.getMap('m').get('text')
}

describe('a field’s two halves agree', () => {
  for (const { name, key, field } of everyField) {
    it(`${name}: what the strict schema accepts reads unchanged; what cannot be placed, it rejects`, () => {
      const schema = recordSchema({ [key]: field })
      fc.assert(
        fc.property(candidates(field.rule), (value) => {
          const strict = parseStrict(schema, { [key]: value }, '').ok
          const read = field.read(stored(field.rule, value))
          // -0 and 0 are one value to a board (and JSON has no -0).
          // An id set reads sorted, and an old name (v1's lane kind `emotions`) as its new one.
          const aliases: Readonly<Record<string, unknown>> =
            field.rule.type === 'choice' ? (field.rule.aliases ?? {}) : {}
          const expected =
            field.rule.type === 'idSet' && Array.isArray(value)
              ? [...value].sort()
              : typeof value === 'string' && Object.hasOwn(aliases, value)
                ? aliases[value]
                : value
          // A filter is read into a fresh object, so only its contents (not its prototype) compare.
          if (strict && field.rule.type === 'filter') expect(read).toEqual(expected)
          else if (strict) expect(read === 0 ? 0 : read).toStrictEqual(expected === 0 ? 0 : expected)
          if (read === UNPLACEABLE) expect(strict).toBe(false)
        }),
        { numRuns: 400 },
      )
    })
  }
})

describe('tolerant reads', () => {
  it('repair what can be repaired and refuse only what cannot be placed', () => {
    expect(NOTE_FIELDS.w.read(1e9)).toBe(480)
    expect(NOTE_FIELDS.w.read(-3)).toBe(80)
    expect(NOTE_FIELDS.h.read(Number.NaN)).toBe(110)
    expect(NOTE_FIELDS.h.read('200')).toBe(110)
    expect(NOTE_FIELDS.color.read('chartreuse')).toBe('yellow')
    expect(NOTE_FIELDS.color.read({ toString: () => 'blue' })).toBe('yellow')
    expect(LANE_FIELDS.kind.read('swimlane')).toBe('unknown')
    expect(LANE_FIELDS.kind.read('emotions')).toBe('thoughts')
    expect(SCORE_VALUE.read(3)).toBe(2)
    expect(SCORE_VALUE.read(0.5)).toBe(UNPLACEABLE)
    expect(META_FIELDS.sharedFilter.read({ tags: ['tag:a', 'x', 'tag:a'], kinds: ['pain', 'nope'] })).toEqual(
      {
        tags: ['tag:a'],
        kinds: ['pain'],
      },
    )
    expect(META_FIELDS.sharedFilter.read('pain')).toBeUndefined()
    expect(STAGE_FIELDS.title.read('   ')).toBe('Untitled stage')
    expect(STAGE_FIELDS.title.read('x'.repeat(500))).toHaveLength(200)
    expect(NOTE_FIELDS.text.read('a plain string')).toBe('')
    expect(NOTE_FIELDS.createdAt.read(-1)).toBeUndefined()
    expect(META_FIELDS.schemaVersion.read(1.5)).toBe(0)
    expect(META_FIELDS.schemaVersion.read(-4)).toBe(0)
    expect(META_FIELDS.schemaVersion.read(7)).toBe(7)
    expect(NOTE_FIELDS.stageId.read('lane:abc')).toBe(UNPLACEABLE)
    expect(NOTE_FIELDS.stageId.read('stage:')).toBe(UNPLACEABLE)
    expect(NOTE_FIELDS.order.read('V0')).toBe(UNPLACEABLE)
    expect(NOTE_FIELDS.order.read(42)).toBe(UNPLACEABLE)
  })

  it('show a long text cut with an ellipsis', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('text', new Y.Text('x'.repeat(20_000)))
    const text = NOTE_FIELDS.text.read(doc.getMap('m').get('text')) as string
    expect(text).toHaveLength(5_001)
    expect(text.endsWith('…')).toBe(true)
  })
})
