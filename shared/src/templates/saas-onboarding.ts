import type { BoardTemplate } from './template'

/** A SaaS trial from sign-up to the first paid month, with where users drop off. */
export const saasOnboarding: BoardTemplate = {
  id: 'saas-onboarding',
  title: 'SaaS onboarding',
  description:
    'Sign-up to first paid month: goals, actions, channels, an emotion curve, drop-off and pain points.',
  stages: ['Sign up', 'First login', 'Setup', 'First value', 'Invite team', 'Upgrade'],
  lanes: [
    { title: 'User goal', kind: 'text' },
    { title: 'User actions', kind: 'actions' },
    { title: 'Channels', kind: 'channels' },
    { title: 'Emotions', kind: 'emotion-curve' },
    { title: 'Drop-off', kind: 'metrics', metricName: 'Drop-off', metricUnit: '%' },
    { title: 'Pain points', kind: 'pain-points' },
    { title: 'Opportunities', kind: 'opportunities' },
  ],
  notes: [],
}
