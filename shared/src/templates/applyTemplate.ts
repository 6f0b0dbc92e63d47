import type * as Y from 'yjs'
import {
  addLane,
  addStage,
  createNote,
  ensureDefaultPersona,
  ensureDefaultTags,
  getMeta,
} from '../board/schema'
import { SCHEMA_VERSION } from '../board/version'
import { keysBetween } from '../order'
import { blank } from './blank'
import { customerLifecycle } from './customer-lifecycle'
import { ecommercePurchase } from './ecommerce-purchase'
import { saasOnboarding } from './saas-onboarding'
import { serviceBlueprint } from './service-blueprint'
import type { BoardTemplate, TemplateId } from './template'

export const TEMPLATES: Record<TemplateId, BoardTemplate> = {
  'customer-lifecycle': customerLifecycle,
  'saas-onboarding': saasOnboarding,
  'ecommerce-purchase': ecommercePurchase,
  'service-blueprint': serviceBlueprint,
  blank,
}

/** What `GET /api/templates` lists: each template's id, title and description, in picker order. */
export const templateSummaries = (): { id: TemplateId; title: string; description: string }[] =>
  Object.values(TEMPLATES).map(({ id, title, description }) => ({ id, title, description }))

/**
 * Builds a new board's document from a template, in one transaction with origin 'template': the
 * grid, the default persona and the default tags (fixed ids, so two tabs doing this converge).
 */
export function applyTemplate(doc: Y.Doc, templateId: TemplateId, opts: { title: string }): void {
  const template = TEMPLATES[templateId]
  doc.transact(() => {
    const meta = getMeta(doc)
    meta.set('title', opts.title)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('createdAt', Date.now())
    meta.set('template', template.id)
    ensureDefaultPersona(doc, 'template')
    ensureDefaultTags(doc, 'template')
    const stageOrders = keysBetween(null, null, template.stages.length)
    const stageIds = template.stages.map((title, i) => addStage(doc, title, stageOrders[i], 'template'))
    const laneOrders = keysBetween(null, null, template.lanes.length)
    const laneIds = template.lanes.map((lane, i) =>
      addLane(doc, lane.title, lane.kind, laneOrders[i], 'template', {
        ...(lane.metricName ? { metricName: lane.metricName } : {}),
        ...(lane.metricUnit ? { metricUnit: lane.metricUnit } : {}),
      }),
    )
    for (const note of template.notes) {
      const stageId = stageIds[note.stage]
      const laneId = laneIds[note.lane]
      if (stageId && laneId) createNote(doc, { stageId, laneId, text: note.text }, 'template')
    }
  }, 'template')
}
