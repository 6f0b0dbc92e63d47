/*
 * A saved template: a board's structure kept by the server so that new boards can start from it
 * (POST /api/templates, then POST /api/boards with its id). It holds the stages (title, description,
 * width), the lanes (title, kind, height, collapsed, metric name and unit), the personas and the tags,
 * and nothing that is the workshop's content: no notes, connectors, chips, scores, metric values or
 * text blocks (docs/board-document.md, "Saved templates").
 *
 * The body is plain JSON, stored as-is. It is checked with the records' own strict parsers
 * (parseStage, parseLane…) both when it is saved and when a board is made from it: a row written by an
 * older server, or edited in the database by hand, must never build a board that readers reject.
 * Records keep their ids in the body only so that errors can name them; a board made from it gets
 * fresh ids through the ordinary mutations, as any other edit would make them.
 */
import type * as Y from 'yjs'
import { DEFAULT_PERSONA_ID } from '../board/ids'
import { isLaneKind, type LaneKind } from '../board/laneKinds/registry'
import { type StrictResult, shownValue } from '../board/records/strict'
import {
  addLane,
  addPersona,
  addStage,
  addTag,
  type BoardContent,
  getMeta,
  getPersonaText,
  type Lane,
  movePersona,
  moveTag,
  PERSONA_TEXT_KEYS,
  type Persona,
  parseLane,
  parsePersona,
  parseStage,
  parseTag,
  SCHEMA_VERSION,
  type Stage,
  setLaneCollapsed,
  setLaneHeight,
  setStageDescription,
  setStageWidth,
  type Tag,
  updatePersona,
} from '../board/schema'

export const SAVED_TEMPLATE_FORMAT = 'journeyboard-template'
/** Raised only with a reader for the older bodies: stored templates outlive the server that saved them. */
export const SAVED_TEMPLATE_VERSION = 1
/** Per list; far above any real board's structure, low enough that a bad row cannot make a huge board. */
export const MAX_TEMPLATE_RECORDS = 200

/** A lane whose kind this build can create (a newer client's unknown kind is not saved). */
export type TemplateLaneRecord = Lane & { kind: LaneKind }

export interface SavedTemplateBody {
  format: typeof SAVED_TEMPLATE_FORMAT
  version: typeof SAVED_TEMPLATE_VERSION
  stages: Stage[]
  lanes: TemplateLaneRecord[]
  personas: Persona[]
  tags: Tag[]
}

/** The structure of a board, read with the tolerant readers, as a template body. */
export function templateBodyFromBoard(board: BoardContent): SavedTemplateBody {
  // A JSON round trip drops the readers' undefined optional fields, so the body is what will be stored.
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
  return {
    format: SAVED_TEMPLATE_FORMAT,
    version: SAVED_TEMPLATE_VERSION,
    stages: plain(board.stages),
    lanes: plain(board.lanes.filter((lane): lane is TemplateLaneRecord => isLaneKind(lane.kind))),
    personas: plain(board.personas),
    tags: plain(board.tags),
  }
}

const MAX_ERRORS = 20

/** The body checked whole; every error (at most MAX_ERRORS) names its place, `lanes[2].kind: …`. */
export function parseSavedTemplateBody(value: unknown): StrictResult<SavedTemplateBody> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: [`expected a saved template object, got ${shownValue(value)}`] }
  const body = value as Record<string, unknown>
  if (body.format !== SAVED_TEMPLATE_FORMAT)
    return {
      ok: false,
      errors: [`format: expected "${SAVED_TEMPLATE_FORMAT}", got ${shownValue(body.format)}`],
    }
  if (body.version !== SAVED_TEMPLATE_VERSION)
    return {
      ok: false,
      errors: [`version: expected ${SAVED_TEMPLATE_VERSION}, got ${shownValue(body.version)}`],
    }
  const errors: string[] = []
  const list = <T>(key: string, parse: (item: unknown, at: string) => StrictResult<T>): T[] => {
    const items = body[key]
    if (!Array.isArray(items)) {
      errors.push(`${key}: expected an array, got ${shownValue(items)}`)
      return []
    }
    if (items.length > MAX_TEMPLATE_RECORDS) {
      errors.push(`${key}: at most ${MAX_TEMPLATE_RECORDS} records, got ${items.length}`)
      return []
    }
    const parsed: T[] = []
    items.forEach((item, i) => {
      const result = parse(item, `${key}[${i}]`)
      if (result.ok) parsed.push(result.value)
      else errors.push(...result.errors)
    })
    return parsed
  }
  const stages = list('stages', parseStage)
  const lanes = list<TemplateLaneRecord>('lanes', (item, at) => {
    const result = parseLane(item, at)
    if (!result.ok) return result
    if (!isLaneKind(result.value.kind))
      return { ok: false, errors: [`${at}.kind: ${shownValue(result.value.kind)} cannot be created`] }
    return { ok: true, value: result.value as TemplateLaneRecord }
  })
  const personas = list('personas', parsePersona)
  const tags = list('tags', parseTag)
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) }
  return {
    ok: true,
    value: { format: SAVED_TEMPLATE_FORMAT, version: SAVED_TEMPLATE_VERSION, stages, lanes, personas, tags },
  }
}

const byOrder = <T extends { order: string; id: string }>(records: readonly T[]): T[] =>
  [...records].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1))

/**
 * Builds a new board's document from a parsed saved template, in one transaction with origin
 * 'template', through the same mutations an editor uses. Order keys come from the template, so the
 * columns, rows, legend and tag list keep their order; ids are new. The default persona keeps its
 * fixed id (every board has it); the template's tags replace the default ones.
 */
export function applySavedTemplate(
  doc: Y.Doc,
  body: SavedTemplateBody,
  opts: { title: string; templateId: string },
): void {
  doc.transact(() => {
    const meta = getMeta(doc)
    meta.set('title', opts.title)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('createdAt', Date.now())
    meta.set('template', opts.templateId)
    for (const stage of byOrder(body.stages)) {
      const id = addStage(doc, stage.title, stage.order, 'template')
      if (stage.description) setStageDescription(doc, id, stage.description, 'template')
      if (stage.width !== undefined) setStageWidth(doc, id, stage.width, 'template')
    }
    for (const lane of byOrder(body.lanes)) {
      const id = addLane(doc, lane.title, lane.kind, lane.order, 'template', {
        ...(lane.metricName ? { metricName: lane.metricName } : {}),
        ...(lane.metricUnit ? { metricUnit: lane.metricUnit } : {}),
      })
      if (lane.height !== undefined) setLaneHeight(doc, id, lane.height, 'template')
      if (lane.collapsed) setLaneCollapsed(doc, id, true, 'template')
    }
    for (const persona of byOrder(body.personas)) applyPersona(doc, persona)
    // Every board has the default persona, even from a template whose body somehow lacks it.
    if (!body.personas.some((p) => p.id === DEFAULT_PERSONA_ID)) updatePersona(doc, DEFAULT_PERSONA_ID, {})
    for (const tag of byOrder(body.tags)) {
      const id = addTag(doc, tag.name, tag.color, 'template')
      if (id) moveTag(doc, id, tag.order, 'template')
    }
  }, 'template')
}

function applyPersona(doc: Y.Doc, persona: Persona): void {
  const id =
    persona.id === DEFAULT_PERSONA_ID
      ? DEFAULT_PERSONA_ID
      : addPersona(doc, { name: persona.name, color: persona.color }, 'template')
  const result = updatePersona(
    doc,
    id,
    {
      name: persona.name,
      color: persona.color,
      role: persona.role ?? null,
      initials: persona.initials ?? null,
      photo: persona.photo ?? null,
      pinned: persona.pinned,
      pinX: persona.pinX ?? null,
      pinY: persona.pinY ?? null,
    },
    'template',
  )
  // The strict parse accepted the photo, so updatePersona cannot refuse it; if it did, the parsers
  // and the mutation disagree, which must not pass silently.
  if (!result.ok) throw new Error(`persona ${persona.id}: ${result.error}`)
  movePersona(doc, id, persona.order, 'template')
  for (const key of PERSONA_TEXT_KEYS) {
    const text = persona[key]
    if (text) getPersonaText(doc, id, key)?.insert(0, text)
  }
}
