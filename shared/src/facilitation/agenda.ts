/*
 * The workshop's agenda (facilitation document: `agenda`, a Y.Array of Y.Map steps, and `agendaMeta`
 * with the current step; schema.ts). A step may carry a tool that starting the step starts. Tools are a
 * tagged union read by kind, so a later kind (a private phase, a vote's rules) is one more reader in
 * TOOL_READERS; a kind this version does not know reads as no tool, and the step itself still shows.
 * A Yjs type cannot move within its array, so reordering copies the step's plain fields to a new map.
 */
import * as Y from 'yjs'
import { getAgenda, getAgendaMeta, type PlainMap } from './schema'

export const AGENDA_LIMITS = { maxSteps: 50, maxTitleChars: 120, maxTimerMinutes: 180 } as const

export interface TimerTool {
  kind: 'timer'
  /** Whole minutes, 1…AGENDA_LIMITS.maxTimerMinutes. */
  minutes: number
}
/** What starting a step starts; one member per kind. */
export type AgendaTool = TimerTool

export interface AgendaStep {
  /** `step:` + random, unique in the agenda; what `currentStepId` names. */
  id: string
  title: string
  done: boolean
  tool: AgendaTool | null
}

const STEP_ID = /^step:[A-Za-z0-9_-]{1,64}$/

const TOOL_READERS: Record<string, (value: Record<string, unknown>) => AgendaTool | null> = {
  timer: (value) => {
    const minutes = value.minutes
    if (typeof minutes !== 'number' || !Number.isFinite(minutes)) return null
    return { kind: 'timer', minutes: clampMinutes(minutes) }
  },
}

export const clampMinutes = (minutes: number): number =>
  Math.min(AGENDA_LIMITS.maxTimerMinutes, Math.max(1, Math.round(minutes)))

export function readTool(value: unknown): AgendaTool | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const record = value as Record<string, unknown>
  const reader = typeof record.kind === 'string' ? TOOL_READERS[record.kind] : undefined
  return reader ? reader(record) : null
}

export const cleanTitle = (title: string): string =>
  [...title.replace(/\s+/g, ' ').trim()].slice(0, AGENDA_LIMITS.maxTitleChars).join('')

function readStep(map: unknown): AgendaStep | null {
  if (!(map instanceof Y.Map)) return null
  const id = map.get('id')
  const title = map.get('title')
  if (typeof id !== 'string' || !STEP_ID.test(id) || typeof title !== 'string') return null
  return { id, title: cleanTitle(title), done: map.get('done') === true, tool: readTool(map.get('tool')) }
}

/** The steps in order; garbage entries and repeated ids are skipped. */
export function readAgenda(doc: Y.Doc): AgendaStep[] {
  const seen = new Set<string>()
  const steps: AgendaStep[] = []
  for (const item of getAgenda(doc).toArray().slice(0, AGENDA_LIMITS.maxSteps)) {
    const step = readStep(item)
    if (step && !seen.has(step.id)) {
      seen.add(step.id)
      steps.push(step)
    }
  }
  return steps
}

/** The current step's id, if it names a step that exists. */
export function readCurrentStepId(doc: Y.Doc, steps = readAgenda(doc)): string | null {
  const id = getAgendaMeta(doc).get('currentStepId')
  return typeof id === 'string' && steps.some((s) => s.id === id) ? id : null
}

export function newStepId(): string {
  const bytes = new Uint8Array(9)
  globalThis.crypto.getRandomValues(bytes)
  let body = ''
  for (const byte of bytes) body += byte.toString(36).padStart(2, '0')
  return `step:${body}`
}

function stepMap(step: { id: string; title: string; done: boolean; tool: AgendaTool | null }): PlainMap {
  const map: PlainMap = new Y.Map()
  map.set('id', step.id)
  map.set('title', step.title)
  map.set('done', step.done)
  if (step.tool) map.set('tool', { ...step.tool })
  return map
}

const indexOf = (doc: Y.Doc, id: string): number =>
  getAgenda(doc)
    .toArray()
    .findIndex((map) => map instanceof Y.Map && map.get('id') === id)

/** Adds steps at the end (titles cleaned; blank ones skipped); returns their ids. */
export function addSteps(
  doc: Y.Doc,
  steps: readonly { title: string; tool?: AgendaTool | null }[],
  origin?: unknown,
): string[] {
  const room = AGENDA_LIMITS.maxSteps - getAgenda(doc).length
  const fresh = steps
    .map((s) => ({ id: newStepId(), title: cleanTitle(s.title), done: false, tool: s.tool ?? null }))
    .filter((s) => s.title !== '')
    .slice(0, Math.max(0, room))
  if (fresh.length === 0) return []
  doc.transact(() => getAgenda(doc).push(fresh.map(stepMap)), origin)
  return fresh.map((s) => s.id)
}

function updateStep(doc: Y.Doc, id: string, write: (map: PlainMap) => void, origin?: unknown): void {
  const map = getAgenda(doc).get(indexOf(doc, id))
  if (map instanceof Y.Map) doc.transact(() => write(map), origin)
}

export function renameStep(doc: Y.Doc, id: string, title: string, origin?: unknown): void {
  const clean = cleanTitle(title)
  if (clean !== '') updateStep(doc, id, (map) => map.set('title', clean), origin)
}

export const setStepDone = (doc: Y.Doc, id: string, done: boolean, origin?: unknown): void =>
  updateStep(doc, id, (map) => map.set('done', done), origin)

export const setStepTool = (doc: Y.Doc, id: string, tool: AgendaTool | null, origin?: unknown): void =>
  updateStep(doc, id, (map) => (tool ? map.set('tool', { ...tool }) : map.delete('tool')), origin)

/** Moves a step one place up (−1) or down (1). */
export function moveStep(doc: Y.Doc, id: string, step: -1 | 1, origin?: unknown): void {
  const agenda = getAgenda(doc)
  const from = indexOf(doc, id)
  const to = from + step
  const current = readStep(agenda.get(from))
  if (from < 0 || to < 0 || to >= agenda.length || !current) return
  doc.transact(() => {
    agenda.delete(from, 1)
    agenda.insert(to, [stepMap(current)])
  }, origin)
}

export function removeStep(doc: Y.Doc, id: string, origin?: unknown): void {
  const index = indexOf(doc, id)
  if (index < 0) return
  doc.transact(() => {
    getAgenda(doc).delete(index, 1)
    if (getAgendaMeta(doc).get('currentStepId') === id) getAgendaMeta(doc).delete('currentStepId')
  }, origin)
}

export function setCurrentStep(doc: Y.Doc, id: string | null, origin?: unknown): void {
  const meta = getAgendaMeta(doc)
  doc.transact(() => (id ? meta.set('currentStepId', id) : meta.delete('currentStepId')), origin)
}

/** The usual journey-mapping workshop, offered with one click to a facilitator with an empty agenda. */
export const SUGGESTED_AGENDA: readonly { title: string; tool: AgendaTool }[] = [
  { title: 'Map the actions', tool: { kind: 'timer', minutes: 15 } },
  { title: 'Add emotions', tool: { kind: 'timer', minutes: 10 } },
  { title: 'Find pain points', tool: { kind: 'timer', minutes: 10 } },
  { title: 'Vote', tool: { kind: 'timer', minutes: 5 } },
  { title: 'Pick opportunities', tool: { kind: 'timer', minutes: 10 } },
]
