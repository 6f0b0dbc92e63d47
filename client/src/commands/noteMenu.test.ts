import { describe, expect, it } from 'vitest'
import type { TagId } from '../../../shared/src/board/ids'
import type { Tag } from '../../../shared/src/board/records/tag'
import { noteMenuItems, selectionFacts } from './noteMenu'

const TAGS: Tag[] = [
  { id: 'tag:sales', name: 'Sales', color: 'green', order: 'A' },
  { id: 'tag:support', name: 'Support', color: 'orange', order: 'B' },
]
const item = (items: ReturnType<typeof noteMenuItems>, label: string) => items.find((i) => i.label === label)

describe('note menu items', () => {
  it('offer severity only for pain points and a source only for quotes', () => {
    const plain = noteMenuItems('note:a', selectionFacts([{ kind: 'plain', tags: [] }]), TAGS)
    expect(item(plain, 'Severity 1')).toBeUndefined()
    expect(item(plain, 'Source…')).toBeUndefined()
    expect(item(plain, 'Plain')?.checked).toBe(true)
    const pain = noteMenuItems('note:a', selectionFacts([{ kind: 'pain', severity: 2, tags: [] }]), TAGS)
    expect(item(pain, 'Severity 2')?.checked).toBe(true)
    expect(item(pain, 'Severity 1')?.checked).toBe(false)
    const quote = noteMenuItems('note:a', selectionFacts([{ kind: 'quote', tags: [] }]), TAGS)
    expect(item(quote, 'Source…')?.commandId).toBe('note.editSource')
  })

  it('check a kind only when every selected note has it', () => {
    const facts = selectionFacts([
      { kind: 'idea', tags: [] },
      { kind: 'pain', tags: [] },
    ])
    const items = noteMenuItems('note:a', facts, TAGS)
    expect(items.filter((i) => i.group === 'Kind' && i.checked)).toEqual([])
    expect(item(items, 'Delete 2 notes')).toBeDefined()
  })

  it('list every tag as a checkbox, mixed when only some notes carry it, turning it on for all', () => {
    const sales: TagId = 'tag:sales'
    const facts = selectionFacts([
      { kind: 'plain', tags: [sales] },
      { kind: 'plain', tags: [] },
    ])
    const items = noteMenuItems('note:a', facts, TAGS)
    expect(item(items, 'Sales')).toMatchObject({ role: 'checkbox', checked: 'mixed', args: { on: true } })
    expect(item(items, 'Support')).toMatchObject({ checked: false, args: { on: true } })
    const all = noteMenuItems('note:a', selectionFacts([{ kind: 'plain', tags: [sales] }]), TAGS)
    expect(item(all, 'Sales')).toMatchObject({ checked: true, args: { on: false } })
  })
})
