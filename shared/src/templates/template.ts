import type { LaneKind } from '../board/laneKinds/registry'

/** A template's lane: its title, its kind, and for a metrics lane its metric. */
export interface TemplateLane {
  title: string
  kind: LaneKind
  metricName?: string
  metricUnit?: string
}

/** A template is plain data; applyTemplate builds every board from one, and templates.test.ts validates each. */
export interface BoardTemplate {
  id: TemplateId
  /** What the home page's picker and `GET /api/templates` call it. */
  title: string
  description: string
  stages: readonly string[]
  lanes: readonly TemplateLane[]
  /** Starter notes, by stage and lane index, so a new board shows how it is meant to be used. */
  notes: readonly { stage: number; lane: number; text: string }[]
}

export const TEMPLATE_IDS = [
  'customer-lifecycle',
  'saas-onboarding',
  'ecommerce-purchase',
  'service-blueprint',
  'blank',
] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]
