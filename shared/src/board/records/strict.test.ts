import { describe, expect, it } from 'vitest'
import { clampedNumber, idField, textField, titleField } from './field'
import { parseStrict, recordSchema, shownValue } from './strict'

const schema = recordSchema(
  {
    ref: idField('stage'),
    size: clampedNumber(80, 480, 160),
    title: titleField(10, 'Untitled'),
    text: textField(5),
  },
  'note',
)
const valid = { id: 'note:a', ref: 'stage:s', size: 100, title: 'Hi', text: 'abc' }

describe('strict parse', () => {
  it('names the place and the value of every error', () => {
    const result = parseStrict(schema, { ...valid, size: 1e9, title: '  ', text: 'too long' }, 'notes[12]')
    expect(result).toEqual({
      ok: false,
      errors: [
        'notes[12].size: expected a number from 80 to 480, got 1000000000',
        'notes[12].title: expected a non-blank string of at most 10 characters, got "  "',
        'notes[12].text: expected a string of at most 5 characters, got "too long"',
      ],
    })
  })

  it('says what is missing and what a wrong type was', () => {
    const { id: _, ...noId } = valid
    expect(parseStrict(schema, { ...noId, ref: 42 }, 'notes[0]')).toEqual({
      ok: false,
      errors: [
        'notes[0].id: missing (expected a note id ("note:" then 1 to 64 letters, digits, _ or -))',
        'notes[0].ref: expected a stage id ("stage:" then 1 to 64 letters, digits, _ or -), got 42',
      ],
    })
    expect(parseStrict(schema, [1, 2], 'notes[3]')).toEqual({
      ok: false,
      errors: ['notes[3]: expected an object, got [1,2]'],
    })
  })

  it('checks references once the record itself is well formed', () => {
    const known = new Set(['stage:other'])
    expect(parseStrict(schema, valid, 'notes[12]', [{ key: 'ref', noun: 'stage', known }])).toEqual({
      ok: false,
      errors: ['notes[12].ref: unknown stage'],
    })
    expect(
      parseStrict(schema, valid, 'notes[12]', [{ key: 'ref', noun: 'stage', known: new Set(['stage:s']) }]),
    ).toMatchObject({ ok: true })
  })

  it('keeps unknown extra fields as they are (a newer build’s data)', () => {
    const result = parseStrict<Record<string, unknown>>(
      schema,
      { ...valid, severity: 2, tags: ['tag:x'] },
      'n',
    )
    expect(result).toEqual({ ok: true, value: { ...valid, severity: 2, tags: ['tag:x'] } })
  })

  it('names a top-level record’s fields without a prefix', () => {
    const meta = recordSchema({ title: titleField(10, 'Untitled') })
    expect(parseStrict(meta, { title: 7 }, '')).toEqual({
      ok: false,
      errors: ['title: expected a non-blank string of at most 10 characters, got 7'],
    })
  })

  it('quotes values short, and survives values JSON cannot show', () => {
    expect(shownValue('x'.repeat(100))).toBe(`"${'x'.repeat(39)}…`)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(shownValue(cyclic)).toBe('[object Object]')
    expect(shownValue(10n)).toBe('10')
    expect(shownValue(undefined)).toBe('undefined')
  })
})
