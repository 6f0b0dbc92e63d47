import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTextChange } from './applyTextChange'

describe('applyTextChange', () => {
  it('merges two people typing into the same note', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getText('t').insert(0, 'Call hotline')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    applyTextChange(a.getText('t'), 'Call the hotline')
    applyTextChange(b.getText('t'), 'Call hotline now')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(a.getText('t').toString()).toBe('Call the hotline now')
    expect(b.getText('t').toString()).toBe('Call the hotline now')
  })
})
