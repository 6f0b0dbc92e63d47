import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard, readPersonas, updatePersona } from '../board/schema'
import { applyTemplate } from '../templates/applyTemplate'
import { buildScene } from './buildScene'
import { personaInitials } from './personaCards'

describe('pinned persona cards', () => {
  it('draws a pinned persona beside the grid with its initials, name and role, and grows the scene', () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'customer-lifecycle', { title: 'T' })
    const before = buildScene(readBoard(doc))
    const persona = readPersonas(doc)[0]!
    updatePersona(doc, persona.id, {
      name: 'Ana Lima',
      role: 'Shop owner',
      pinned: true,
      pinX: before.width + 40,
      pinY: 40,
    })
    const scene = buildScene(readBoard(doc))
    const texts = scene.items.flatMap((i) => (i.kind === 'text' ? [i.text] : []))
    expect(texts).toEqual(expect.arrayContaining(['AL', 'Ana Lima', 'Shop owner']))
    expect(scene.width).toBeGreaterThan(before.width + 260)
    updatePersona(doc, persona.id, { pinned: false })
    expect(buildScene(readBoard(doc)).width).toBe(before.width)
  })

  it('takes the persona’s own initials first', () => {
    expect(personaInitials({ name: 'Ana Lima', initials: 'al' })).toBe('AL')
    expect(personaInitials({ name: 'Customer' })).toBe('CU')
    expect(personaInitials({ name: 'Jean Paul Gaultier' })).toBe('JG')
  })
})
