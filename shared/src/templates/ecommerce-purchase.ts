import type { BoardTemplate } from './template'

/** One online purchase, from finding a product to getting (or returning) it. */
export const ecommercePurchase: BoardTemplate = {
  id: 'ecommerce-purchase',
  title: 'E-commerce purchase',
  description:
    'Discover to return: actions, touchpoints, thoughts, an emotion curve, conversion and pain points.',
  stages: ['Discover', 'Browse', 'Cart', 'Checkout', 'Delivery', 'Return'],
  lanes: [
    { title: 'Customer actions', kind: 'actions' },
    { title: 'Touchpoints', kind: 'channels' },
    { title: 'Thoughts', kind: 'thoughts' },
    { title: 'Emotions', kind: 'emotion-curve' },
    { title: 'Conversion', kind: 'metrics', metricName: 'Conversion', metricUnit: '%' },
    { title: 'Pain points', kind: 'pain-points' },
    { title: 'Opportunities', kind: 'opportunities' },
  ],
  notes: [],
}
