import type { ReadLaneKind } from '../../shared/src/board/laneKinds/registry'

/**
 * Note text that reads like a real customer-journey workshop, per lane kind and stage, made from a
 * seeded generator so every run seeds the same board. Lengths vary from a few words to two lines,
 * as real sticky notes do, so text layout costs what it would in a workshop.
 */
const subjects = [
  'pricing page',
  'onboarding email',
  'mobile app',
  'checkout',
  'support chat',
  'invoice',
  'setup wizard',
  'dashboard',
  'newsletter',
  'trial',
  'demo call',
  'help center',
  'referral link',
  'renewal notice',
  'status page',
]
const channels = [
  'Google search',
  'LinkedIn ad',
  'podcast sponsor',
  'G2 review',
  'word of mouth',
  'webinar',
  'in-app message',
  'sales call',
  'email',
  'community forum',
  'YouTube tutorial',
  'partner blog',
]
const feelings = [
  'curious',
  'overwhelmed',
  'relieved',
  'skeptical',
  'confident',
  'frustrated',
  'excited',
  'anxious',
  'impressed',
  'confused',
  'reassured',
  'annoyed',
]
const problems = [
  'has to re-enter card details',
  'cannot find the cancel button',
  'waits two days for a reply',
  'gets three emails on the same day',
  'does not understand the plan limits',
  'loses work when the session expires',
  'is asked for the same data twice',
  'sees prices without tax',
  'cannot invite a colleague on the free plan',
  'hits an error on the import step',
]
const ideas = [
  'show a short video instead of the manual',
  'offer a 14-day extension when usage is high',
  'pre-fill the form from the signup data',
  'add a live chat bubble on the pricing page',
  'send one weekly digest instead of many emails',
  'let admins bulk-invite from a CSV',
  'explain limits right next to the plan price',
  'celebrate the first completed project',
  'give referrers a month free',
  'ask for a review after the third success',
]
const actions = [
  'compares',
  'reads about',
  'asks a colleague about',
  'signs up for',
  'tries',
  'books',
  'pays for',
  'configures',
  'shares',
  'recommends',
  'skims',
  'bookmarks',
]

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T

export function journeyText(random: () => number, kind: ReadLaneKind, stageTitle: string): string {
  const stage = stageTitle.toLowerCase()
  switch (kind) {
    case 'actions':
      return `Customer ${pick(random, actions)} the ${pick(random, subjects)}${random() < 0.4 ? ` during ${stage}` : ''}`
    case 'touchpoints':
      return `${pick(random, channels)} → ${pick(random, subjects)}`
    case 'thoughts':
      return `Feels ${pick(random, feelings)}${random() < 0.5 ? ` about the ${pick(random, subjects)}` : ''}`
    case 'pain-points':
      return `${stageTitle}: ${pick(random, problems)}`
    case 'opportunities':
      return `Idea: ${pick(random, ideas)}${random() < 0.3 ? ` (${stage})` : ''}`
    default:
      return `${stageTitle} note about the ${pick(random, subjects)}`
  }
}
