import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LaneId, NoteId, StageId } from '../../../shared/src/board/ids'
import { createNote, readLanes, readStages } from '../../../shared/src/board/schema'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { recordExists } from '../doc/recordExists'
import {
  addToSelection,
  hasSelectedNotes,
  pruneSelection,
  resetUi,
  selectedNoteIds,
  selectNoteCount,
  selectOnly,
  toggleSelected,
  useUi,
} from './ui'

const NOTE_A = 'note:a' as NoteId
const NOTE_B = 'note:b' as NoteId
const STAGE = 'stage:s' as StageId
const LANE = 'lane:l' as LaneId

beforeEach(() => resetUi())

describe('the selection', () => {
  it('holds records of any kind; the notes of it are asked for by name', () => {
    selectOnly([NOTE_A, STAGE])
    addToSelection([LANE, NOTE_B])
    toggleSelected(NOTE_A)
    expect([...useUi.getState().selection]).toEqual([STAGE, LANE, NOTE_B])
    expect(selectedNoteIds()).toEqual([NOTE_B])
    expect(selectNoteCount(useUi.getState())).toBe(1)
    selectOnly([STAGE])
    expect(hasSelectedNotes()).toBe(false)
  })

  it('works out the notes of one selection once, however often a selector asks', () => {
    selectOnly([NOTE_A, STAGE])
    const selection = useUi.getState().selection
    expect(selectedNoteIds(selection)).toBe(selectedNoteIds(selection))
    selectOnly([NOTE_A, STAGE])
    expect(selectedNoteIds()).not.toBe(selectedNoteIds(selection))
  })

  it('drops records a colleague deleted, whatever their kind, and the note being edited with them', () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'customer-lifecycle', { title: 'T' })
    const stage = readStages(doc)[0]!.id
    const lane = readLanes(doc)[0]!.id
    const note = createNote(doc, { stageId: stage, laneId: lane })
    selectOnly([note, stage, lane, NOTE_A, STAGE])
    useUi.setState({ editingNoteId: NOTE_A })
    pruneSelection((id) => recordExists(doc, id))
    expect([...useUi.getState().selection]).toEqual([note, stage, lane])
    expect(useUi.getState().editingNoteId).toBeNull()
  })
})
