/*
 * A test fixture: the customer-lifecycle board as v1's template made it, six stages and five notes
 * lanes. Layout, scene and PDF tests place notes by lane index and count notes rows; the v2 template
 * mixes in content lanes (channels, an emotion curve) that hold no notes, so those tests build this.
 */
import type * as Y from 'yjs'
import { keysBetween } from '../../order'
import type { LaneKind } from '../laneKinds/registry'
import { addLane, addStage, ensureDefaultPersona, ensureDefaultTags, getMeta } from '../schema'
import { SCHEMA_VERSION } from '../version'

const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention', 'Advocacy']
const LANES: readonly [string, LaneKind][] = [
  ['Customer actions', 'actions'],
  ['Touchpoints & channels', 'touchpoints'],
  ['Thoughts & emotions', 'thoughts'],
  ['Pain points', 'pain-points'],
  ['Opportunities', 'opportunities'],
]

export function applyNotesLifecycle(
  doc: Y.Doc,
  _template: 'customer-lifecycle',
  opts: { title: string },
): void {
  doc.transact(() => {
    const meta = getMeta(doc)
    meta.set('title', opts.title)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('createdAt', Date.now())
    meta.set('template', 'customer-lifecycle')
    ensureDefaultPersona(doc, 'template')
    ensureDefaultTags(doc, 'template')
    const stageOrders = keysBetween(null, null, STAGES.length)
    for (const [i, title] of STAGES.entries()) addStage(doc, title, stageOrders[i], 'template')
    const laneOrders = keysBetween(null, null, LANES.length)
    for (const [i, [title, kind]] of LANES.entries()) addLane(doc, title, kind, laneOrders[i], 'template')
  }, 'template')
}
