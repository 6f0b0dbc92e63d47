import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { forwardOwnAwarenessOnly } from './ownAwarenessOnly'

describe('forwardOwnAwarenessOnly', () => {
  it('sends my own changes, never the ones relayed from others', () => {
    const me = new Awareness(new Y.Doc())
    const other = new Awareness(new Y.Doc())
    const sent: number[][] = []
    const provider = {
      awareness: me,
      _awarenessUpdateHandler: ({ added, updated, removed }: Record<string, number[]>) =>
        void sent.push([...(added ?? []), ...(updated ?? []), ...(removed ?? [])]),
    }
    me.on('update', provider._awarenessUpdateHandler)
    forwardOwnAwarenessOnly(provider)

    other.setLocalState({ cursor: { x: 1, y: 2 } })
    applyAwarenessUpdate(me, encodeAwarenessUpdate(other, [other.clientID]), provider)
    expect(sent).toEqual([])
    expect(me.getStates().has(other.clientID)).toBe(true)

    me.setLocalState({ cursor: { x: 3, y: 4 } })
    expect(sent).toEqual([[me.clientID]])

    // destroy() unregisters the field's handler: after that, nothing is sent.
    me.off('update', provider._awarenessUpdateHandler)
    me.setLocalState({ cursor: { x: 5, y: 6 } })
    expect(sent).toHaveLength(1)
    me.destroy()
    other.destroy()
  })
})
