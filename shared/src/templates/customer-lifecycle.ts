import type { BoardTemplate } from './template'

/** The customer lifecycle, stage by stage, with the lanes a journey map must show. */
export const customerLifecycle: BoardTemplate = {
  id: 'customer-lifecycle',
  title: 'Customer lifecycle',
  description:
    'Six lifecycle stages from awareness to advocacy, with actions, channels, thoughts, an emotion curve, pain points and opportunities.',
  stages: ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention', 'Advocacy'],
  lanes: [
    { title: 'Customer actions', kind: 'actions' },
    { title: 'Channels', kind: 'channels' },
    { title: 'Thoughts', kind: 'thoughts' },
    { title: 'Emotions', kind: 'emotion-curve' },
    { title: 'Pain points', kind: 'pain-points' },
    { title: 'Opportunities', kind: 'opportunities' },
  ],
  notes: [],
}
