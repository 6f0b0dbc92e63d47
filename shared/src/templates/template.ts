import type { LaneKind } from '../board/style'

/** A template is plain data; applyTemplate builds every board from one. */
export interface BoardTemplate {
  id: TemplateId
  name: string
  description: string
  stages: readonly string[]
  lanes: readonly { title: string; kind: LaneKind }[]
  /** Starter notes, by stage and lane index, so a new board shows how it is meant to be used. */
  notes: readonly { stage: number; lane: number; text: string }[]
}

export const TEMPLATE_IDS = ['customer-lifecycle', 'blank'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]
