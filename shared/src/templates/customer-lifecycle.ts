import type { BoardTemplate } from './template'

/** The customer lifecycle, stage by stage, with the lanes a journey map must show. */
export const customerLifecycle: BoardTemplate = {
  id: 'customer-lifecycle',
  name: 'Customer lifecycle',
  description:
    'Six lifecycle stages from awareness to advocacy, with actions, touchpoints, emotions, pain points and opportunities.',
  stages: ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention', 'Advocacy'],
  lanes: [
    { title: 'Customer actions', kind: 'actions' },
    { title: 'Touchpoints & channels', kind: 'touchpoints' },
    { title: 'Thoughts & emotions', kind: 'thoughts' },
    { title: 'Pain points', kind: 'pain-points' },
    { title: 'Opportunities', kind: 'opportunities' },
  ],
  notes: [],
}
