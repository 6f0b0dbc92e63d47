/*
 * Commands are the only writers of the board. Two checks keep it so:
 *   - no module of the app outside commands/ imports one of shared's mutations (any function of the
 *     board schema that is not a reader), opens a Yjs transaction or edits a Y.Text itself; the few
 *     modules that let a library write the document are named below with the reason;
 *   - every command that changes the document says `edits: true`, so a view link cannot run it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as schema from '../../../shared/src/board/schema'
import { computeLayout } from '../../../shared/src/layout/grid'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { createLocalHistory } from '../doc/localHistory'
import { resetUi, selectOnly, setCanvasSize, useUi } from '../state/ui'
import { COMMANDS, type CommandArgs, type CommandContext } from './registry'

const CLIENT_SRC = join(import.meta.dirname, '..')

/**
 * Schema functions that only read: accessors, readers, validators of plain data and pure helpers.
 * Every other function counts as a writer, so a new mutation is caught without being listed here.
 */
// photoProblem only says why a photo could not be stored; the personas panel shows its words.
// groupChipsByCell groups chips already read.
const READS = /^(get|read|parse|notesIn|orderAfterLast|photoProblem$|groupChipsByCell$)/
const MUTATIONS = new Set(
  Object.entries(schema)
    .filter(([name, value]) => typeof value === 'function' && !READS.test(name))
    .map(([name]) => name),
)

/**
 * Modules that hand the document to a library that writes it, and why that is not a bypass. A writer
 * of this kind anywhere else fails the test.
 */
const LIBRARY_WRITERS: Record<string, { writer: RegExp; why: string }> = {
  'doc/localHistory.ts': {
    writer: /new Y\.UndoManager\(/,
    why: 'undo and redo replay this person’s own steps; they run only from the history.* commands',
  },
  'doc/offlineCopy.ts': {
    writer: /new IndexeddbPersistence\(/,
    why: 'loads the copy kept in this browser: updates already made, like the server’s, not a new edit',
  },
  'doc/connectBoard.ts': {
    writer: /new WebsocketProvider\(/,
    why: 'the provider applies what the server relays (colleagues’ edits), never one of ours',
  },
  'facilitation/connectScopedDoc.ts': {
    writer: /new WebsocketProvider\(/,
    why: 'the facilitation and private documents’ providers apply what the server relays, never one of ours',
  },
}

/** Direct Yjs writes: a transaction of one's own, or editing a Y.Text or Y.Array in place. */
const RAW_WRITES = /\.transact\(|\.(insert|insertEmbed|applyDelta)\(|Y\.applyUpdate\(/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The values (not types) a file imports from shared's board modules. */
function boardImports(source: string): string[] {
  const names: string[] = []
  for (const match of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)) {
    if (match[1] || !match[3]?.includes('shared/src/board/')) continue
    for (const part of match[2]?.split(',') ?? []) {
      const name = part.trim()
      if (name !== '' && !name.startsWith('type ')) names.push(name.split(/\s+as\s+/)[0]!)
    }
  }
  return names
}

const outsideCommands = sourceFiles(CLIENT_SRC)
  .map((path) => relative(CLIENT_SRC, path))
  .filter((path) => !path.startsWith('commands/'))
const read = (path: string) => readFileSync(join(CLIENT_SRC, path), 'utf8')

describe('only commands write the board', () => {
  it('knows the schema’s mutations', () => {
    // A reader renamed into a "mutation" (or the reverse) shows here first.
    for (const name of [
      'createNote',
      'updateNotes',
      'deleteNotes',
      'setBoardTitle',
      'moveStage',
      'removeLane',
    ])
      expect(MUTATIONS).toContain(name)
    for (const name of ['addPersona', 'setNoteTag', 'removeTag', 'setSharedFilter'])
      expect(MUTATIONS).toContain(name)
    for (const name of ['readNote', 'getNotes', 'getNoteText', 'notesInCell', 'photoProblem'])
      expect(MUTATIONS).not.toContain(name)
  })

  it('no module outside commands/ imports a mutation from the board schema', () => {
    const offenders = outsideCommands.flatMap((path) => {
      const source = read(path)
      const namespace = /import\s+\*\s+as\s+\w+\s+from\s+'[^']*shared\/src\/board\/schema'/.test(source)
      const names = boardImports(source).filter((name) => MUTATIONS.has(name))
      return namespace || names.length > 0 ? [`${path}: ${namespace ? '* as' : names.join(', ')}`] : []
    })
    expect(offenders).toEqual([])
  })

  it('no module outside commands/ writes through Yjs itself', () => {
    const offenders = outsideCommands.filter((path) => RAW_WRITES.test(read(path)))
    expect(offenders).toEqual([])
  })

  it('lets libraries write the document only where the reason is written down', () => {
    for (const [path, { writer }] of Object.entries(LIBRARY_WRITERS)) expect(read(path)).toMatch(writer)
    const elsewhere = outsideCommands.filter(
      (path) =>
        !(path in LIBRARY_WRITERS) &&
        Object.values(LIBRARY_WRITERS).some(({ writer }) => writer.test(read(path))),
    )
    expect(elsewhere).toEqual([])
  })
})

describe('commands that write', () => {
  let ctx: CommandContext
  let args: CommandArgs

  beforeEach(() => {
    resetUi()
    setCanvasSize({ w: 1600, h: 900 })
    const doc = new Y.Doc()
    applyTemplate(doc, 'customer-lifecycle', { title: 'T' })
    schema.ensureDefaultTags(doc)
    const persona = schema.addPersona(doc, { name: 'Ana' })
    const [stage, other] = schema.readStages(doc)
    const [lane] = schema.readLanes(doc)
    const cell = { stageId: stage!.id, laneId: lane!.id }
    const note = schema.createNote(doc, { ...cell, text: 'one' })
    schema.createNote(doc, { ...cell, text: 'two' })
    const getLayout = () =>
      computeLayout(schema.readStages(doc), schema.readLanes(doc), schema.readNotes(doc))
    const history = createLocalHistory(doc, { get: () => useUi.getState().selection, restore: selectOnly })
    ctx = { doc, readOnly: false, getLayout, history }
    const target = getLayout().stages[1]!
    // Everything any command could want, so that each one that can write does.
    args = {
      header: { kind: 'stage', id: other!.id },
      side: 'after',
      title: 'Renamed',
      laneKind: 'pain-points',
      gap: 0,
      note,
      notes: [note],
      at: { x: target.x + 20, y: getLayout().lanes[0]!.y + 20 },
      cell,
      size: { w: 300, h: 200 },
      text: 'typed',
      pasted: [{ text: 'pasted', color: 'blue', w: 160, h: 110, stage: null, lane: null }],
      kind: 'quote',
      severity: 2,
      source: 'Ana',
      tag: schema.readTags(doc)[0]!.id,
      tagColor: 'red',
      on: true,
      persona,
      personaPatch: { role: 'Buyer' },
      personaText: 'goals',
      step: -1,
      filter: { tags: [], kinds: ['pain'] },
    }
    selectOnly([note])
  })

  // Some commands act on the browser (the clipboard, the PDF download) that this test runs without.
  const tryRun = (run: () => void) => {
    try {
      run()
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error
    }
  }

  // The PDF export only reads the board, and renders in the background long after the test.
  const runnable = COMMANDS.filter((c) => c.id !== 'board.exportPdf')

  it.each(runnable.map((c) => [c.id, c] as const))(
    '%s says edits: true if it changes the document',
    (_id, command) => {
      // Undo and redo have something to act on only after a change of ours.
      if (command.id.startsWith('history.'))
        schema.updateNote(ctx.doc, args.note!, { color: 'green' }, 'local')
      if (command.id === 'history.redo') ctx.history?.undo()
      const before = Y.encodeStateVector(ctx.doc)
      tryRun(() => command.run(ctx, args))
      if (!equalBytes(Y.encodeStateVector(ctx.doc), before))
        expect(command.edits, `${command.id} wrote the document`).toBe(true)
    },
  )

  it('finds the writers among them', () => {
    // The check above means something only if the set-up makes writing commands write.
    const wrote = runnable.filter((command) => {
      const before = Y.encodeStateVector(ctx.doc)
      tryRun(() => command.run(ctx, args))
      return !equalBytes(Y.encodeStateVector(ctx.doc), before)
    })
    expect(wrote.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'note.add',
        'note.moveTo',
        'note.resize',
        'note.setText',
        'board.rename',
        'edit.paste',
        'persona.add',
        'persona.update',
        'persona.pin',
        'persona.setText',
        'persona.move',
        'tag.add',
        'tag.rename',
        'tag.recolor',
        'filter.share',
      ]),
    )
  })
})

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}
