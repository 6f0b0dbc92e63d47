import type { BoardTemplate } from './template'

/** A service blueprint: what the customer does, what they see of the service, and what runs behind it. */
export const serviceBlueprint: BoardTemplate = {
  id: 'service-blueprint',
  title: 'Service blueprint',
  description:
    'Customer actions, frontstage, the line of visibility, backstage and support processes, stage by stage.',
  stages: ['Arrive', 'Order', 'Wait', 'Receive', 'Pay', 'Leave'],
  lanes: [
    { title: 'Customer actions', kind: 'actions' },
    { title: 'Frontstage', kind: 'frontstage' },
    { title: 'Line of visibility', kind: 'visibility' },
    { title: 'Backstage', kind: 'backstage' },
    { title: 'Support processes', kind: 'support' },
  ],
  notes: [],
}
