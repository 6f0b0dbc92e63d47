/* A board and command context for command tests: the lifecycle template, with this person's history. */
import * as Y from 'yjs'
import type { NoteId } from '../../../shared/src/board/ids'
import {
  ensureDefaultPersona,
  ensureDefaultTags,
  getNotes,
  type Note,
  readLanes,
  readNote,
  readNotes,
  readStages,
} from '../../../shared/src/board/schema'
import { computeLayout } from '../../../shared/src/layout/grid'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { createLocalHistory } from '../doc/localHistory'
import { selectOnly, useUi } from '../state/ui'
import type { CommandContext } from './registry'

export function testContext(readOnly = false): CommandContext {
  const doc = new Y.Doc()
  applyTemplate(doc, 'customer-lifecycle', { title: 'Journey' })
  // As the v2 migration leaves a board: the default persona and tags exist.
  ensureDefaultPersona(doc)
  ensureDefaultTags(doc)
  const history = createLocalHistory(doc, { get: () => useUi.getState().selection, restore: selectOnly })
  return {
    doc,
    readOnly,
    history,
    getLayout: () => computeLayout(readStages(doc), readLanes(doc), readNotes(doc)),
  }
}

export const firstCell = (ctx: CommandContext) => ({
  stageId: readStages(ctx.doc)[0]!.id,
  laneId: readLanes(ctx.doc)[0]!.id,
})

export const noteOf = (ctx: CommandContext, id: NoteId): Note => readNote(id, getNotes(ctx.doc).get(id))!
