import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  AGENDA_LIMITS,
  addSteps,
  moveStep,
  readAgenda,
  readCurrentStepId,
  readTool,
  removeStep,
  renameStep,
  SUGGESTED_AGENDA,
  setCurrentStep,
  setStepDone,
  setStepTool,
} from './agenda'
import { getAgenda } from './schema'

const titles = (doc: Y.Doc) => readAgenda(doc).map((s) => s.title)

describe('agenda', () => {
  it('adds, renames, checks, reorders and removes steps', () => {
    const doc = new Y.Doc()
    const [a, b, c] = addSteps(doc, [{ title: ' Map  actions ' }, { title: 'Vote' }, { title: 'Wrap up' }])
    expect(titles(doc)).toEqual(['Map actions', 'Vote', 'Wrap up'])
    renameStep(doc, b!, 'Dot vote')
    renameStep(doc, b!, '   ') // blank: kept as it was
    setStepDone(doc, a!, true)
    moveStep(doc, c!, -1)
    moveStep(doc, a!, -1) // already first
    expect(readAgenda(doc).map((s) => [s.title, s.done])).toEqual([
      ['Map actions', true],
      ['Wrap up', false],
      ['Dot vote', false],
    ])
    setCurrentStep(doc, c!)
    expect(readCurrentStepId(doc)).toBe(c)
    removeStep(doc, c!)
    expect(titles(doc)).toEqual(['Map actions', 'Dot vote'])
    // The current step went with it.
    expect(readCurrentStepId(doc)).toBeNull()
  })
  it('keeps a step’s tool, also across a move', () => {
    const doc = new Y.Doc()
    const [a, b] = addSteps(doc, SUGGESTED_AGENDA.slice(0, 2))
    expect(readAgenda(doc)[0]!.tool).toEqual({ kind: 'timer', minutes: 15 })
    setStepTool(doc, b!, { kind: 'timer', minutes: 3 })
    moveStep(doc, b!, -1)
    expect(readAgenda(doc).map((s) => [s.id, s.tool])).toEqual([
      [b, { kind: 'timer', minutes: 3 }],
      [a, { kind: 'timer', minutes: 15 }],
    ])
    setStepTool(doc, b!, null)
    expect(readAgenda(doc)[0]!.tool).toBeNull()
  })
  it('reads garbage steps as absent, unknown tools as none, and repeated ids once', () => {
    const doc = new Y.Doc()
    const [a] = addSteps(doc, [{ title: 'Real' }])
    const agenda = getAgenda(doc)
    const copy = new Y.Map<unknown>()
    copy.set('id', a)
    copy.set('title', 'Copy')
    const bad = new Y.Map<unknown>()
    bad.set('id', 'nope')
    bad.set('title', 5)
    const future = new Y.Map<unknown>()
    future.set('id', 'step:future')
    future.set('title', 'Later kind')
    future.set('tool', { kind: 'hologram', power: 9 })
    // biome-ignore lint/suspicious/noExplicitAny: a hostile writer puts a plain value where a map belongs
    agenda.push([copy, bad, future, 'string' as any])
    expect(readAgenda(doc).map((s) => [s.title, s.tool])).toEqual([
      ['Real', null],
      ['Later kind', null],
    ])
    expect(readTool({ kind: 'timer', minutes: 1e9 })).toEqual({
      kind: 'timer',
      minutes: AGENDA_LIMITS.maxTimerMinutes,
    })
    expect(readTool({ kind: 'timer', minutes: '5' })).toBeNull()
  })
  it('holds at most maxSteps steps', () => {
    const doc = new Y.Doc()
    addSteps(
      doc,
      Array.from({ length: AGENDA_LIMITS.maxSteps + 5 }, (_, i) => ({ title: `Step ${i}` })),
    )
    expect(readAgenda(doc)).toHaveLength(AGENDA_LIMITS.maxSteps)
    expect(addSteps(doc, [{ title: 'One more' }])).toEqual([])
  })
})
