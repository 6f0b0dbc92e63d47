import type { BoardTemplate } from './template'

/** One stage and one lane: the smallest grid a team can grow from. */
export const blank: BoardTemplate = {
  id: 'blank',
  title: 'Blank board',
  description: 'One stage and one lane; add your own.',
  stages: ['Stage 1'],
  lanes: [{ title: 'Lane 1', kind: 'custom' }],
  notes: [],
}
