/*
 * Test and benchmark support: a board with every lane kind, every note kind, two personas' curves,
 * chips, a metric, text blocks and connectors, built through the document's own mutations.
 */
import * as Y from 'yjs'
import type { LaneId, NoteId, PersonaId, StageId } from '../../board/ids'
import {
  addChip,
  addConnector,
  addLane,
  addPersona,
  addStage,
  createNote,
  ensureLaneText,
  getMeta,
  readBoard,
  SCHEMA_VERSION,
  setLaneMetric,
  setMetricValue,
  setScore,
} from '../../board/schema'

export interface RichBoard {
  doc: Y.Doc
  stages: StageId[]
  lanes: Record<'actions' | 'channels' | 'emotion' | 'pains' | 'metric' | 'goals' | 'visibility', LaneId>
  personas: [PersonaId, PersonaId]
  notes: Record<'plain' | 'pain' | 'idea' | 'question' | 'quote', NoteId>
}

export function richBoard(): RichBoard {
  const doc = new Y.Doc()
  const meta = getMeta(doc)
  meta.set('title', 'Rich journey')
  meta.set('schemaVersion', SCHEMA_VERSION)
  const stages = ['Awareness', 'Consideration', 'Purchase', 'Onboarding'].map((t) => addStage(doc, t))
  const lanes = {
    actions: addLane(doc, 'Customer actions', 'actions'),
    channels: addLane(doc, 'Channels', 'channels'),
    emotion: addLane(doc, 'Emotions', 'emotion-curve'),
    pains: addLane(doc, 'Pain points', 'pain-points'),
    visibility: addLane(doc, 'Line of visibility', 'visibility'),
    metric: addLane(doc, 'Conversion', 'metrics'),
    goals: addLane(doc, 'Goals', 'text'),
  }
  setLaneMetric(doc, lanes.metric, { name: 'Conversion', unit: '%' })
  const [s0, s1, s2, s3] = stages as [StageId, StageId, StageId, StageId]
  const ana = addPersona(doc, { name: 'Ana', role: 'Small-business owner', color: 'indigo' })
  const ben = addPersona(doc, { name: 'Ben', role: 'Finance lead', color: 'orange' })
  const score = (persona: PersonaId, values: number[]) =>
    values.forEach((v, i) => {
      setScore(doc, lanes.emotion, stages[i] as StageId, persona, v)
    })
  score(ana, [1, 0, -1, 1])
  score(ben, [1, -2, -1])
  addChip(doc, { laneId: lanes.channels, stageId: s0, channel: 'ads' })
  addChip(doc, { laneId: lanes.channels, stageId: s0, channel: 'word-of-mouth' })
  addChip(doc, { laneId: lanes.channels, stageId: s1, channel: 'web' })
  addChip(doc, { laneId: lanes.channels, stageId: s2, channel: 'custom', label: 'Sales call' })
  ;[12, 34, 8.5, 61].forEach((v, i) => {
    setMetricValue(doc, lanes.metric, stages[i] as StageId, v)
  })
  ensureLaneText(doc, lanes.goals, s0).insert(0, 'Understand what the product does')
  ensureLaneText(doc, lanes.goals, s3).insert(0, 'First invoice sent within a day')
  const notes = {
    plain: createNote(doc, { stageId: s0, laneId: lanes.actions, text: 'Sees an ad on social media' }),
    pain: createNote(doc, {
      stageId: s1,
      laneId: lanes.pains,
      text: 'Pricing page is confusing',
      kind: 'pain',
    }),
    idea: createNote(doc, { stageId: s2, laneId: lanes.actions, text: 'Offer a guided trial', kind: 'idea' }),
    question: createNote(doc, {
      stageId: s2,
      laneId: lanes.pains,
      text: 'Do they need approval?',
      kind: 'question',
    }),
    quote: createNote(doc, {
      stageId: s3,
      laneId: lanes.actions,
      text: 'I just want it to work',
      kind: 'quote',
    }),
  }
  addConnector(doc, { from: notes.pain, to: notes.idea, route: 'elbow', label: 'leads to' })
  addConnector(doc, { from: notes.plain, to: s1 })
  return { doc, stages, lanes, personas: [ana, ben], notes }
}

export const richContent = (board: RichBoard) => readBoard(board.doc)
