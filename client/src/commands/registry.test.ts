import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readLanes, readNotes, readStages } from '../../../shared/src/board/schema'
import { computeLayout } from '../../../shared/src/layout/grid'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { resetUi, selectOnly, setCanvasSize, useUi } from '../state/ui'
import { COMMANDS, type CommandContext, commandForKey, runCommand } from './registry'

function context(readOnly = false): CommandContext {
  const doc = new Y.Doc()
  applyTemplate(doc, 'customer-lifecycle', { title: 'T' })
  return {
    doc,
    readOnly,
    getLayout: () => computeLayout(readStages(doc), readLanes(doc), readNotes(doc)),
  }
}

beforeEach(() => {
  resetUi()
  setCanvasSize({ w: 1600, h: 900 })
})

describe('commands', () => {
  it('has unique ids', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length)
  })

  it('gives every key combination to at most one command', () => {
    // Shift+1 once meant both "zoom to fit" and "yellow"; the first match silently won.
    const owners = new Map<string, string>()
    for (const command of COMMANDS) {
      for (const s of command.shortcuts ?? []) {
        const key = s.key.length === 1 ? s.key.toLowerCase() : s.key
        const combo = `${s.mod ? 'mod+' : ''}${s.shift ? 'shift+' : ''}${key}`
        expect(owners.get(combo) ?? command.id, `${combo} is bound twice`).toBe(command.id)
        owners.set(combo, command.id)
      }
    }
  })

  it('adds a note and starts editing it', () => {
    const ctx = context()
    expect(runCommand('note.add', ctx)).toBe(true)
    const notes = readNotes(ctx.doc)
    expect(notes).toHaveLength(1)
    expect(useUi.getState().editingNoteId).toBe(notes[0]!.id)
  })

  it('refuses editing commands on a view link', () => {
    const ctx = context(true)
    expect(runCommand('note.add', ctx)).toBe(false)
    expect(readNotes(ctx.doc)).toHaveLength(0)
    expect(runCommand('zoom.in', ctx)).toBe(true)
  })

  it('deletes and recolors the selection', () => {
    const ctx = context()
    runCommand('note.add', ctx)
    runCommand('note.add', ctx)
    const [a, b] = readNotes(ctx.doc)
    selectOnly([a!.id])
    runCommand('color.purple', ctx)
    expect(readNotes(ctx.doc).find((n) => n.id === a!.id)?.color).toBe('purple')
    runCommand('note.delete', ctx)
    expect(readNotes(ctx.doc).map((n) => n.id)).toEqual([b!.id])
    expect(useUi.getState().selection.size).toBe(0)
    expect(runCommand('note.delete', ctx)).toBe(false)
  })

  it('zooms in around the canvas center and fits the board', () => {
    const ctx = context()
    runCommand('zoom.in', ctx)
    expect(useUi.getState().viewport.scale).toBeCloseTo(1.2)
    runCommand('zoom.fit', ctx)
    expect(useUi.getState().viewport.scale).toBeLessThan(1)
  })

  it('maps keys to commands', () => {
    const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...extra,
    })
    expect(commandForKey(key('Delete'))?.id).toBe('note.delete')
    expect(commandForKey(key('+', { shiftKey: true }))?.id).toBe('zoom.in')
    expect(commandForKey(key('a', { metaKey: true }))?.id).toBe('selection.all')
    expect(commandForKey(key('a'))).toBeUndefined()
    expect(commandForKey(key('!', { shiftKey: true }))?.id).toBe('zoom.fit')
    expect(commandForKey(key('z', { ctrlKey: true }))?.id).toBe('history.undo')
    expect(commandForKey(key('Z', { metaKey: true, shiftKey: true }))?.id).toBe('history.redo')
    expect(commandForKey(key('y', { ctrlKey: true }))?.id).toBe('history.redo')
    expect(commandForKey(key('ArrowLeft'))?.id).toBe('nudge.earlier')
    expect(commandForKey(key('ArrowLeft', { shiftKey: true }))?.id).toBe('nudge.stageBefore')
    expect(commandForKey(key('ArrowUp', { shiftKey: true }))).toBeUndefined()
    expect(commandForKey(key('Delete', { shiftKey: true }))?.id).toBe('note.delete')
    expect(commandForKey(key('?', { shiftKey: true }))?.id).toBe('help.shortcuts')
    expect(commandForKey(key('d', { ctrlKey: true }))?.id).toBe('edit.duplicate')
    expect(commandForKey(key('c', { ctrlKey: true }))?.native).toBe(true)
  })

  it('duplicates the selection in its own cell as one undoable step', () => {
    const ctx = context()
    runCommand('note.add', ctx)
    const [original] = readNotes(ctx.doc)
    selectOnly([original!.id])
    runCommand('color.teal', ctx)
    runCommand('edit.duplicate', ctx)
    const notes = readNotes(ctx.doc)
    expect(notes).toHaveLength(2)
    const copy = notes.find((n) => n.id !== original!.id)!
    expect(copy).toMatchObject({ stageId: original!.stageId, laneId: original!.laneId, color: 'teal' })
    expect([...useUi.getState().selection]).toEqual([copy.id])
  })
})
