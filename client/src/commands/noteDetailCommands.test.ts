import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_TAG_IDS } from '../../../shared/src/board/ids'
import { createNote } from '../../../shared/src/board/schema'
import { resetUi, selectOnly } from '../state/ui'
import { type CommandContext, runCommand } from './registry'
import { firstCell, noteOf, testContext } from './testContext'

const [MARKETING, SALES] = DEFAULT_TAG_IDS

let ctx: CommandContext
beforeEach(() => {
  resetUi()
  ctx = testContext()
})

function twoNotes() {
  const a = createNote(ctx.doc, { ...firstCell(ctx), text: 'a' })
  const b = createNote(ctx.doc, { ...firstCell(ctx), text: 'b' })
  selectOnly([a, b])
  return [a, b] as const
}

describe('note detail commands', () => {
  it('set the kind of every selected note, as one undo step', () => {
    const [a, b] = twoNotes()
    expect(runCommand('note.setKind', ctx, { note: a, kind: 'pain' })).toBe(true)
    expect([noteOf(ctx, a).kind, noteOf(ctx, b).kind]).toEqual(['pain', 'pain'])
    ctx.history?.undo()
    expect([noteOf(ctx, a).kind, noteOf(ctx, b).kind]).toEqual(['plain', 'plain'])
  })

  it('act on the named note alone when it is not in the selection', () => {
    const [a, b] = twoNotes()
    const c = createNote(ctx.doc, { ...firstCell(ctx), text: 'c' })
    runCommand('note.setKind', ctx, { note: c, kind: 'idea' })
    expect([a, b, c].map((id) => noteOf(ctx, id).kind)).toEqual(['plain', 'plain', 'idea'])
  })

  it('give a severity only to pain points, and refuse when none is selected', () => {
    const [a, b] = twoNotes()
    expect(runCommand('note.setSeverity', ctx, { note: a, severity: 2 })).toBe(false)
    runCommand('note.setKind', ctx, { note: a, kind: 'pain' })
    selectOnly([b])
    runCommand('note.setKind', ctx, { note: b, kind: 'idea' })
    selectOnly([a, b])
    expect(runCommand('note.setSeverity', ctx, { note: a, severity: 2 })).toBe(true)
    expect(noteOf(ctx, a).severity).toBe(2)
    expect(noteOf(ctx, b).severity).toBeUndefined()
  })

  it('set a quote’s source, leaving the selected non-quotes alone', () => {
    const [a, b] = twoNotes()
    selectOnly([a])
    runCommand('note.setKind', ctx, { note: a, kind: 'quote' })
    selectOnly([a, b])
    runCommand('note.setSource', ctx, { note: a, source: '  Ana, interview 3 ' })
    expect(noteOf(ctx, a).source).toBe('Ana, interview 3')
    expect(noteOf(ctx, b).source).toBeUndefined()
  })

  it('tag and untag every selected note', () => {
    const [a, b] = twoNotes()
    runCommand('note.setTag', ctx, { note: a, tag: SALES!, on: true })
    runCommand('note.setTag', ctx, { note: a, tag: MARKETING!, on: true })
    expect(noteOf(ctx, a).tags).toEqual([MARKETING, SALES].sort())
    expect(noteOf(ctx, b).tags).toEqual([MARKETING, SALES].sort())
    runCommand('note.setTag', ctx, { note: a, tag: SALES!, on: false })
    expect(noteOf(ctx, b).tags).toEqual([MARKETING])
  })

  it('refuse a tag the board does not have, and every write on a view link', () => {
    const [a] = twoNotes()
    expect(runCommand('note.setTag', ctx, { note: a, tag: 'tag:nope', on: true })).toBe(false)
    const view = { ...ctx, readOnly: true }
    expect(runCommand('note.setKind', view, { note: a, kind: 'idea' })).toBe(false)
    expect(noteOf(ctx, a).kind).toBe('plain')
  })
})
