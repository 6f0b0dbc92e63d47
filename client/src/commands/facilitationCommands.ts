/*
 * The facilitator's commands: the timer, the spotlight, summon / follow me and the agenda. They write
 * the facilitation document (shared/src/facilitation/*), which the server lets only facilitator
 * connections write; they are enabled only for a facilitator here too, so nobody else is offered a
 * control the server would drop. Times are the server's (ctx.facilitation.serverNow), so a facilitator
 * whose laptop clock is off still starts a timer that ends when everyone's says it ends.
 */
import type * as Y from 'yjs'
import type { StageId } from '../../../shared/src/board/ids'
import {
  addSteps,
  clampMinutes,
  moveStep,
  readAgenda,
  removeStep,
  renameStep,
  SUGGESTED_AGENDA,
  setCurrentStep,
  setStepDone,
  setStepTool,
} from '../../../shared/src/facilitation/agenda'
import { getTimer } from '../../../shared/src/facilitation/schema'
import { setSpotlight } from '../../../shared/src/facilitation/spotlight'
import { endFollow, type Summon, writeSummon } from '../../../shared/src/facilitation/summon'
import {
  addMinute,
  pause,
  readTimer,
  setDuration,
  start,
  stop,
  type TimerState,
  writeTimer,
} from '../../../shared/src/facilitation/timer'
import type { Command, CommandArgs, CommandContext } from './registry'

/** What facilitation commands need besides the board: the facilitation document and the server's clock. */
export interface FacilitationCommandContext {
  doc: Y.Doc
  isFacilitator: boolean
  serverNow: () => number
}

/** The arguments of facilitation commands (CommandArgs.facilitation). */
export interface FacilitationArgs {
  durationMs?: number
  stageId?: StageId | null
  /** Where the facilitator is and who they are, for summon and follow me. */
  summon?: Omit<Summon, 'at' | 'follow'>
  stepId?: string
  title?: string
  done?: boolean
  /** A step's timer length; null removes the step's tool. */
  minutes?: number | null
}

/** Facilitation writes are this browser's own, like board edits. */
const FACILITATOR_ORIGIN = 'facilitator'

const facilitating = (ctx: CommandContext): boolean => ctx.facilitation?.isFacilitator === true

function timerCommand(id: string, label: string, next: (t: TimerState, now: number) => TimerState): Command {
  return {
    id,
    label,
    enabled: facilitating,
    run: (ctx) => {
      const f = ctx.facilitation
      if (!f) return
      writeTimer(f.doc, next(readTimer(getTimer(f.doc)), f.serverNow()), FACILITATOR_ORIGIN)
    },
  }
}

/** A facilitation command that needs the facilitation document and its arguments. */
function command(
  id: string,
  label: string,
  run: (doc: Y.Doc, args: FacilitationArgs, f: FacilitationCommandContext) => void,
  needs: (args: FacilitationArgs) => boolean = () => true,
): Command {
  return {
    id,
    label,
    enabled: (ctx, args) => facilitating(ctx) && needs(args?.facilitation ?? {}),
    run: (ctx: CommandContext, args?: CommandArgs) => {
      if (ctx.facilitation) run(ctx.facilitation.doc, args?.facilitation ?? {}, ctx.facilitation)
    },
  }
}

const hasStep = (a: FacilitationArgs) => typeof a.stepId === 'string'

export const FACILITATION_COMMANDS: readonly Command[] = [
  command(
    'timer.set',
    'Set the timer',
    (doc, a) => writeTimer(doc, setDuration(a.durationMs ?? 0), FACILITATOR_ORIGIN),
    (a) => typeof a.durationMs === 'number' && Number.isFinite(a.durationMs),
  ),
  timerCommand('timer.start', 'Start the timer', start),
  timerCommand('timer.pause', 'Pause the timer', pause),
  timerCommand('timer.addMinute', 'Add a minute to the timer', addMinute),
  timerCommand('timer.stop', 'Stop the timer', (t) => stop(t)),
  command(
    'spotlight.set',
    'Spotlight a stage',
    (doc, a) => setSpotlight(doc, a.stageId ?? null, FACILITATOR_ORIGIN),
    (a) => a.stageId !== undefined,
  ),
  command(
    'summon.here',
    'Bring everyone here',
    (doc, a, f) => {
      if (a.summon) writeSummon(doc, { ...a.summon, at: f.serverNow(), follow: false }, FACILITATOR_ORIGIN)
    },
    (a) => a.summon !== undefined,
  ),
  command(
    'summon.follow',
    'Everyone follow me',
    (doc, a, f) => {
      if (a.summon) writeSummon(doc, { ...a.summon, at: f.serverNow(), follow: true }, FACILITATOR_ORIGIN)
    },
    (a) => a.summon !== undefined,
  ),
  command('summon.endFollow', 'Stop everyone following me', (doc) => endFollow(doc, FACILITATOR_ORIGIN)),
  command(
    'agenda.add',
    'Add an agenda step',
    (doc, a) =>
      void addSteps(
        doc,
        [
          {
            title: a.title ?? '',
            tool: a.minutes ? { kind: 'timer', minutes: clampMinutes(a.minutes) } : null,
          },
        ],
        FACILITATOR_ORIGIN,
      ),
    (a) => (a.title?.trim() ?? '') !== '',
  ),
  command(
    'agenda.addSuggested',
    'Add the suggested workshop steps',
    (doc) => void addSteps(doc, SUGGESTED_AGENDA, FACILITATOR_ORIGIN),
  ),
  command(
    'agenda.rename',
    'Rename an agenda step',
    (doc, a) => renameStep(doc, a.stepId ?? '', a.title ?? '', FACILITATOR_ORIGIN),
    (a) => hasStep(a) && (a.title?.trim() ?? '') !== '',
  ),
  command(
    'agenda.check',
    'Check off an agenda step',
    (doc, a) => setStepDone(doc, a.stepId ?? '', a.done === true, FACILITATOR_ORIGIN),
    hasStep,
  ),
  command(
    'agenda.remove',
    'Remove an agenda step',
    (doc, a) => removeStep(doc, a.stepId ?? '', FACILITATOR_ORIGIN),
    hasStep,
  ),
  command(
    'agenda.setTimer',
    'Set a step’s timer',
    (doc, a) =>
      setStepTool(
        doc,
        a.stepId ?? '',
        typeof a.minutes === 'number' && a.minutes > 0
          ? { kind: 'timer', minutes: clampMinutes(a.minutes) }
          : null,
        FACILITATOR_ORIGIN,
      ),
    hasStep,
  ),
  {
    id: 'agenda.move',
    label: 'Move an agenda step',
    enabled: (ctx, args) =>
      facilitating(ctx) && hasStep(args?.facilitation ?? {}) && args?.step !== undefined,
    run: (ctx, args) => {
      const stepId = args?.facilitation?.stepId
      if (ctx.facilitation && stepId && args?.step)
        moveStep(ctx.facilitation.doc, stepId, args.step, FACILITATOR_ORIGIN)
    },
  },
  command(
    'agenda.start',
    'Start an agenda step',
    (doc, a, f) => {
      const step = readAgenda(doc).find((s) => s.id === a.stepId)
      if (!step) return
      // One transaction: everyone sees the step and its timer change together.
      doc.transact(() => {
        setCurrentStep(doc, step.id, FACILITATOR_ORIGIN)
        if (step.tool?.kind === 'timer')
          writeTimer(doc, start(setDuration(step.tool.minutes * 60_000), f.serverNow()), FACILITATOR_ORIGIN)
      }, FACILITATOR_ORIGIN)
    },
    hasStep,
  ),
  command('agenda.clearCurrent', 'No current agenda step', (doc) =>
    setCurrentStep(doc, null, FACILITATOR_ORIGIN),
  ),
]
