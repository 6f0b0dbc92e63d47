import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getMeta } from '../topLevel'
import { parseMeta, readBoardTitle, readMeta, readSchemaVersion, setBoardTitle } from './meta'

describe('meta reader', () => {
  it('reads the board’s fields, and defaults what is missing', () => {
    const doc = new Y.Doc()
    expect(readMeta(doc)).toEqual({ title: 'Untitled board', schemaVersion: 0 })
    const meta = getMeta(doc)
    meta.set('title', 'Checkout journey')
    meta.set('schemaVersion', 1)
    meta.set('createdAt', 1_800_000_000_000)
    meta.set('template', 'customer-lifecycle')
    meta.set('locale', 'fr')
    expect(readMeta(doc)).toEqual({
      title: 'Checkout journey',
      schemaVersion: 1,
      createdAt: 1_800_000_000_000,
      template: 'customer-lifecycle',
    })
  })

  it('reads a hostile schemaVersion as 0 (unversioned) and a newer one as it is', () => {
    const doc = new Y.Doc()
    for (const bad of [-1, 1.5, '2', Number.NaN, Number.POSITIVE_INFINITY, null]) {
      getMeta(doc).set('schemaVersion', bad)
      expect(readSchemaVersion(doc)).toBe(0)
    }
    getMeta(doc).set('schemaVersion', 99)
    expect(readSchemaVersion(doc)).toBe(99)
  })

  it('reads a blank or non-string title as "Untitled board", and cuts a long one', () => {
    const doc = new Y.Doc()
    getMeta(doc).set('title', ' ')
    expect(readBoardTitle(doc)).toBe('Untitled board')
    getMeta(doc).set('title', 'x'.repeat(1_000))
    expect(readBoardTitle(doc)).toHaveLength(200)
  })
})

describe('setBoardTitle', () => {
  it('stores a trimmed title and ignores a blank one', () => {
    const doc = new Y.Doc()
    setBoardTitle(doc, '  Q3 onboarding  ')
    setBoardTitle(doc, '   ')
    expect(getMeta(doc).get('title')).toBe('Q3 onboarding')
  })
})

describe('parseMeta (strict)', () => {
  it('checks the top level of an import', () => {
    expect(parseMeta({ title: 'Journey', schemaVersion: 1, format: 'journeyboard' })).toEqual({
      ok: true,
      value: { title: 'Journey', schemaVersion: 1, format: 'journeyboard' },
    })
    expect(parseMeta({ title: '', schemaVersion: -1, template: '' })).toEqual({
      ok: false,
      errors: [
        'title: expected a non-blank string of at most 200 characters, got ""',
        'schemaVersion: expected a whole number of at least 0, got -1',
        'template: expected a string of 1 to 64 characters, got ""',
      ],
    })
  })
})
