import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readAgenda, readCurrentStepId } from '../../../shared/src/facilitation/agenda'
import { getTimer } from '../../../shared/src/facilitation/schema'
import { readSpotlight } from '../../../shared/src/facilitation/spotlight'
import { readSummon } from '../../../shared/src/facilitation/summon'
import { readTimer } from '../../../shared/src/facilitation/timer'
import { runCommand } from './registry'
import { testContext } from './testContext'

function facilitatorContext(isFacilitator = true, serverNow = 1_000_000) {
  const doc = new Y.Doc()
  const ctx = { ...testContext(), facilitation: { doc, isFacilitator, serverNow: () => serverNow } }
  return { ctx, doc }
}

describe('facilitation commands', () => {
  it('run the timer in server time', () => {
    const { ctx, doc } = facilitatorContext(true, 5_000_000)
    expect(runCommand('timer.set', ctx, { facilitation: { durationMs: 120_000 } })).toBe(true)
    runCommand('timer.start', ctx)
    expect(readTimer(getTimer(doc))).toEqual({ state: 'running', durationMs: 120_000, endsAt: 5_120_000 })
    runCommand('timer.addMinute', ctx)
    runCommand('timer.pause', ctx)
    expect(readTimer(getTimer(doc))).toMatchObject({ state: 'paused', remainingMs: 180_000 })
    runCommand('timer.stop', ctx)
    expect(readTimer(getTimer(doc)).state).toBe('idle')
  })
  it('are not run for anyone but a facilitator, and write nothing then', () => {
    const { ctx, doc } = facilitatorContext(false)
    for (const id of ['timer.start', 'agenda.addSuggested', 'summon.endFollow'])
      expect(runCommand(id, ctx)).toBe(false)
    expect(runCommand('spotlight.set', ctx, { facilitation: { stageId: 'stage:x' } })).toBe(false)
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()))
    expect(runCommand('timer.start', testContext())).toBe(false)
  })
  it('starting an agenda step makes it current and starts its timer', () => {
    const { ctx, doc } = facilitatorContext(true, 2_000_000)
    runCommand('agenda.addSuggested', ctx)
    const second = readAgenda(doc)[1]!
    runCommand('agenda.start', ctx, { facilitation: { stepId: second.id } })
    expect(readCurrentStepId(doc)).toBe(second.id)
    expect(readTimer(getTimer(doc))).toEqual({ state: 'running', durationMs: 600_000, endsAt: 2_600_000 })
    runCommand('agenda.move', ctx, { facilitation: { stepId: second.id }, step: -1 })
    expect(readAgenda(doc)[0]!.id).toBe(second.id)
    runCommand('agenda.setTimer', ctx, { facilitation: { stepId: second.id, minutes: 3 } })
    expect(readAgenda(doc)[0]!.tool).toEqual({ kind: 'timer', minutes: 3 })
  })
  it('spotlight and summon write what they are given', () => {
    const { ctx, doc } = facilitatorContext(true, 42)
    runCommand('spotlight.set', ctx, { facilitation: { stageId: 'stage:p' } })
    expect(readSpotlight(doc, () => true)).toBe('stage:p')
    const summon = { view: { x: 1, y: 2, w: 3, h: 4 }, by: 'Ana', byUser: 'u' }
    runCommand('summon.follow', ctx, { facilitation: { summon } })
    expect(readSummon(doc)).toEqual({ ...summon, at: 42, follow: true })
    runCommand('summon.endFollow', ctx)
    expect(readSummon(doc)?.follow).toBe(false)
  })
})
