import { describe, expect, it } from 'vitest'
import type { TagId } from '../../../shared/src/board/ids'
import { noteName } from './noteLabel'

// In the board's order, which is not the ids' order.
const tagName: { id: TagId; name: string }[] = [
  { id: 'tag:zz-sales', name: 'Sales' },
  { id: 'tag:aa-support', name: 'Support' },
]

describe('noteName', () => {
  it('names a pain point with its severity, text and tags', () => {
    const note = {
      text: 'Pricing page is confusing\nmore',
      kind: 'pain' as const,
      severity: 2,
      tags: ['tag:aa-support', 'tag:zz-sales'] as TagId[],
    }
    expect(noteName(note, tagName)).toBe(
      'Pain point, severity 2: Pricing page is confusing (tags: Sales, Support)',
    )
  })

  it('keeps a plain note to its text and drops tags that are gone', () => {
    expect(noteName({ text: 'Hi', kind: 'plain', tags: ['tag:gone'] }, tagName)).toBe('Hi')
  })

  it('names a quote with its source', () => {
    expect(noteName({ text: '“Too slow”', kind: 'quote', source: 'Ana', tags: [] }, tagName)).toBe(
      'Quote from Ana: “Too slow”',
    )
  })
})
