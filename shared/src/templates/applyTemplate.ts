import type * as Y from 'yjs'
import { addLane, addStage, createNote, getMeta, SCHEMA_VERSION } from '../board/schema'
import { keysBetween } from '../order'
import { blank } from './blank'
import { customerLifecycle } from './customer-lifecycle'
import type { BoardTemplate, TemplateId } from './template'

export const TEMPLATES: Record<TemplateId, BoardTemplate> = {
  'customer-lifecycle': customerLifecycle,
  blank,
}

/** Builds a new board's document from a template, in one transaction with origin 'template'. */
export function applyTemplate(doc: Y.Doc, templateId: TemplateId, opts: { title: string }): void {
  const template = TEMPLATES[templateId]
  doc.transact(() => {
    const meta = getMeta(doc)
    meta.set('title', opts.title)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('createdAt', Date.now())
    meta.set('template', template.id)
    const stageOrders = keysBetween(null, null, template.stages.length)
    const stageIds = template.stages.map((title, i) => addStage(doc, title, stageOrders[i], 'template'))
    const laneOrders = keysBetween(null, null, template.lanes.length)
    const laneIds = template.lanes.map((lane, i) =>
      addLane(doc, lane.title, lane.kind, laneOrders[i], 'template'),
    )
    for (const note of template.notes) {
      const stageId = stageIds[note.stage]
      const laneId = laneIds[note.lane]
      if (stageId && laneId) createNote(doc, { stageId, laneId, text: note.text }, 'template')
    }
  }, 'template')
}
