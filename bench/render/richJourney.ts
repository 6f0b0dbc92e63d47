import * as Y from 'yjs'
import type { NoteId, StageId } from '../../shared/src/board/ids'
import { getLaneKind } from '../../shared/src/board/laneKinds/registry'
import {
  addChip,
  addConnector,
  addLane,
  addPersona,
  createNote,
  type Lane,
  readLanes,
  readPersonas,
  readStages,
  readTags,
  setMetricValue,
  setNoteSeverity,
  setNoteTag,
  setScore,
} from '../../shared/src/board/schema'
import { CHANNELS, type NoteKind } from '../../shared/src/board/style'
import { keysBetween } from '../../shared/src/order'
import { journeyText, seededRandom } from './journeyText'

/*
 * The render benchmark's rich board (issue 15, "Speed"): on top of a customer-lifecycle board, notes
 * of every kind with tags, six personas' emotion curves, four channels lanes with three chips per
 * stage, two metrics lanes and connectors between notes. Built with the document's own mutations, as
 * people would make it, so the client draws what a real rich board holds. Seeded, so two runs draw the
 * same board.
 */

export interface RichJourneyShape {
  notes: number
  connectors: number
  personas: number
  channelsLanes: number
  chipsPerCell: number
  metricsLanes: number
}

/** The figures. */
export const RICH_JOURNEY: RichJourneyShape = {
  notes: 10_000,
  connectors: 1_000,
  personas: 6,
  channelsLanes: 4,
  chipsPerCell: 3,
  metricsLanes: 2,
}

/** Notes per transaction, as seedBoard pushes them: a few hundred KB per update. */
const notesPerBatch = 2_000

const extraPersonas = ['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Fay', 'Gus', 'Hana']
const metricLanes = [
  { title: 'Conversion', name: 'Conversion', unit: '%' },
  { title: 'Support tickets', name: 'Tickets', unit: '' },
  { title: 'NPS', name: 'NPS', unit: '' },
]

/** A weighted note kind: mostly plain notes, as on a real board. */
function pickKind(random: () => number): NoteKind {
  const r = random()
  return r < 0.5 ? 'plain' : r < 0.7 ? 'pain' : r < 0.85 ? 'idea' : r < 0.95 ? 'question' : 'quote'
}

const holdsNotes = (lane: Lane) => getLaneKind(lane.kind).layout.holds === 'notes'

/**
 * Adds the rich content to `doc`, which must already hold the customer-lifecycle grid (stages, a
 * channels lane, an emotion lane, notes lanes). Returns the ids of the notes made.
 */
export function addRichJourney(doc: Y.Doc, shape: RichJourneyShape = RICH_JOURNEY, seed = 15): NoteId[] {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const stages = readStages(doc)
  const startLanes = readLanes(doc)
  const emotion = startLanes.find((l) => l.kind === 'emotion-curve')
  if (!emotion || stages.length === 0)
    throw new Error('rich journey: the board needs stages and an emotion lane')

  // The lanes the shape asks for beyond those the template has, appended below it.
  doc.transact(() => {
    const haveChannels = startLanes.filter((l) => l.kind === 'channels').length
    const newChannels = Math.max(0, shape.channelsLanes - haveChannels)
    const orders = keysBetween(startLanes.at(-1)?.order ?? null, null, newChannels + shape.metricsLanes)
    for (let i = 0; i < newChannels; i++) addLane(doc, `Channels ${i + 2}`, 'channels', orders[i], 'local')
    for (let i = 0; i < shape.metricsLanes; i++) {
      const metric = metricLanes[i % metricLanes.length]!
      addLane(doc, metric.title, 'metrics', orders[newChannels + i], 'local', {
        metricName: metric.name,
        ...(metric.unit ? { metricUnit: metric.unit } : {}),
      })
    }
    for (let i = readPersonas(doc).length; i < shape.personas; i++)
      addPersona(doc, { name: extraPersonas[i - 1] ?? `Persona ${i + 1}` }, 'local')
  }, 'local')

  const lanes = readLanes(doc)
  const personas = readPersonas(doc)
  const tags = readTags(doc)
  doc.transact(() => {
    // Every persona scores every stage: six full curves overlaid.
    for (const persona of personas)
      for (const stage of stages)
        setScore(doc, emotion.id, stage.id, persona.id, Math.floor(random() * 5) - 2, 'local')
    for (const lane of lanes.filter((l) => l.kind === 'channels')) {
      for (const stage of stages) {
        const orders = keysBetween(null, null, shape.chipsPerCell)
        for (const order of orders)
          addChip(doc, { laneId: lane.id, stageId: stage.id, channel: pick(CHANNELS), order }, 'local')
      }
    }
    for (const lane of lanes.filter((l) => l.kind === 'metrics'))
      for (const stage of stages)
        setMetricValue(doc, lane.id, stage.id, Math.round(random() * 1_000) / 10, 'local')
  }, 'local')

  const cells = stages.flatMap((stage) => lanes.filter(holdsNotes).map((lane) => ({ stage, lane })))
  const perCell = cells.map(
    (_, i) => Math.floor(shape.notes / cells.length) + (i < shape.notes % cells.length ? 1 : 0),
  )
  const cellOrders = perCell.map((n) => keysBetween(null, null, n))
  const ids: NoteId[] = []
  for (let start = 0; start < shape.notes; start += notesPerBatch) {
    doc.transact(() => {
      for (let i = start; i < Math.min(shape.notes, start + notesPerBatch); i++) {
        const cellIndex = i % cells.length
        const { stage, lane } = cells[cellIndex]!
        const kind = pickKind(random)
        const id = createNote(
          doc,
          {
            stageId: stage.id,
            laneId: lane.id,
            order: cellOrders[cellIndex]?.[Math.floor(i / cells.length)],
            text: journeyText(random, lane.kind, stage.title),
            kind,
          },
          'local',
        )
        if (kind === 'pain') setNoteSeverity(doc, id, 1 + Math.floor(random() * 3), 'local')
        // Most notes carry a tag or two; the tag dots are part of what each note draws.
        const tagCount = Math.floor(random() * 3)
        for (let t = 0; t < tagCount && tags.length > 0; t++)
          setNoteTag(doc, id, pick(tags).id, true, 'local')
        ids.push(id)
      }
    }, 'local')
  }

  doc.transact(() => {
    let made = 0
    for (let attempt = 0; made < shape.connectors && attempt < shape.connectors * 3; attempt++) {
      // Mostly note to note, some to a stage header, as a team draws causes and hand-offs.
      const from = pick(ids)
      const to: NoteId | StageId = random() < 0.9 ? pick(ids) : pick(stages).id
      const route = random() < 0.5 ? 'straight' : 'elbow'
      const label = random() < 0.2 ? 'leads to' : undefined
      if (addConnector(doc, { from, to, route, ...(label ? { label } : {}) }, 'local')) made++
    }
  }, 'local')
  return ids
}

/** The rich board in a fresh document, for tests: the same shape at any size. */
export function richJourneyDoc(build: (doc: Y.Doc) => void, shape: RichJourneyShape, seed?: number) {
  const doc = new Y.Doc()
  build(doc)
  const notes = addRichJourney(doc, shape, seed)
  return { doc, notes }
}
