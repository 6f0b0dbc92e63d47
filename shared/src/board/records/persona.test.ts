import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getPersonas } from '../topLevel'
import {
  addPersona,
  getPersonaText,
  MAX_PERSONA_PHOTO_CHARS,
  movePersona,
  readPersonas,
  removePersona,
  updatePersona,
} from './persona'
import { readScores, setScore } from './score'

describe('personas', () => {
  it('synthesizes the default persona on a board without one, and makes it on first edit', () => {
    const doc = new Y.Doc()
    expect(readPersonas(doc)).toMatchObject([{ id: 'persona:default', name: 'Customer', color: 'indigo' }])
    expect(getPersonas(doc).size).toBe(0)
    expect(updatePersona(doc, 'persona:default', { name: ' Ana ', role: 'Buyer' })).toEqual({ ok: true })
    expect(readPersonas(doc)).toMatchObject([{ id: 'persona:default', name: 'Ana', role: 'Buyer' }])
  })

  it('adds, reorders, edits texts and removes a persona with its scores; the default cannot go', () => {
    const doc = new Y.Doc()
    const ben = addPersona(doc, { name: 'Ben', initials: 'BN' })
    const cleo = addPersona(doc, { name: 'Cleo' })
    expect(readPersonas(doc).map((p) => p.name)).toEqual(['Customer', 'Ben', 'Cleo'])
    movePersona(doc, cleo, '1')
    expect(readPersonas(doc).map((p) => p.name)).toEqual(['Cleo', 'Customer', 'Ben'])
    getPersonaText(doc, ben, 'goals')?.insert(0, 'Pay less')
    expect(readPersonas(doc).find((p) => p.id === ben)?.goals).toBe('Pay less')
    setScore(doc, 'lane:c', 'stage:a', ben, 1)
    setScore(doc, 'lane:c', 'stage:a', cleo, -1)
    expect(removePersona(doc, ben)).toBe(true)
    expect(readScores(doc).map((s) => s.personaId)).toEqual([cleo])
    expect(removePersona(doc, 'persona:default')).toBe(false)
  })

  it('rejects a photo over 64 KiB or not an image, with a clear error, and writes nothing', () => {
    const doc = new Y.Doc()
    const id = addPersona(doc, { name: 'Ana' })
    const big = `data:image/png;base64,${'A'.repeat(MAX_PERSONA_PHOTO_CHARS)}`
    const refused = updatePersona(doc, id, { photo: big, name: 'Changed' })
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/at most 64 KiB/) })
    expect(updatePersona(doc, id, { photo: 'javascript:alert(1)' })).toMatchObject({ ok: false })
    expect(readPersonas(doc).find((p) => p.id === id)).toMatchObject({ name: 'Ana', photo: undefined })
    expect(updatePersona(doc, id, { photo: 'data:image/png;base64,iVBORw0KGgo=' })).toEqual({ ok: true })
    expect(readPersonas(doc).find((p) => p.id === id)?.photo).toBe('data:image/png;base64,iVBORw0KGgo=')
    updatePersona(doc, id, { photo: null, pinned: true, pinX: 10, pinY: 20 })
    expect(readPersonas(doc).find((p) => p.id === id)).toMatchObject({
      photo: undefined,
      pinned: true,
      pinX: 10,
    })
  })
})
