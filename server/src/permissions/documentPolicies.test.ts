import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type Access, type Role, roles } from './access'
import { type DocumentPolicies, documentPolicies, grantWrite } from './documentPolicies'
import type { BoardDocument } from './documents'

// The policy table, row by row: who reads and writes each document kind, for every role.

const me = 'MMMMMMMMMMMMMMMMMMMMMM'
const someoneElse = 'SSSSSSSSSSSSSSSSSSSSSS'
const content: BoardDocument = { name: 'content', kind: 'content' }
const facilitation: BoardDocument = { name: 'facilitation', kind: 'facilitation' }
const mine: BoardDocument = { name: `private/${me}`, kind: 'private', owner: me }
const access = (role: Role, participant?: string): Access => ({
  role,
  participant: participant === undefined ? undefined : { id: participant },
})

const can = (what: 'read' | 'write', a: Access, document: BoardDocument) =>
  documentPolicies[document.kind][what](a, document).ok

describe('document policies', () => {
  it.each(roles)('content: %s reads; facilitate and edit write, view does not', (role) => {
    expect(can('read', access(role), content)).toBe(true)
    expect(can('write', access(role), content)).toBe(role !== 'view')
  })

  it.each(roles)('facilitation: %s reads; only facilitate writes', (role) => {
    expect(can('read', access(role), facilitation)).toBe(true)
    expect(can('write', access(role), facilitation)).toBe(role === 'facilitate')
  })

  it.each(roles)('private: only its participant reads, and writes with a writing role (%s)', (role) => {
    expect(can('read', access(role, me), mine)).toBe(true)
    expect(can('write', access(role, me), mine)).toBe(role !== 'view')
    for (const other of [access(role, someoneElse), access(role)]) {
      expect(can('read', other, mine)).toBe(false)
      expect(can('write', other, mine)).toBe(false)
    }
  })

  it('grants no judge when the policy has no judgeUpdate, so nothing is decoded for it', () => {
    expect(grantWrite(documentPolicies, access('edit'), content)).toEqual({ allowed: true, judge: undefined })
    expect(grantWrite(documentPolicies, access('view'), content)).toMatchObject({ allowed: false })
  })

  it("hands a policy's judge what the update touches, who sent it and where", () => {
    const seen: unknown[] = []
    const policies: DocumentPolicies = {
      ...documentPolicies,
      facilitation: {
        ...documentPolicies.facilitation,
        judgeUpdate: ({ touched, access: a, document }) => {
          seen.push({ records: touched.records, role: a.role, document: document.name })
          return touched.records.some((r) => r.type === 'timer') ? undefined : 'only the timer, please'
        },
      },
    }
    const grant = grantWrite(policies, access('facilitate'), facilitation)
    if (!grant.allowed || !grant.judge) throw new Error('expected a judge')
    const doc = new Y.Doc()
    const timer = new Y.Doc()
    timer.getMap('timer').set('endsAt', 5)
    const vote = new Y.Doc()
    vote.getMap('vote').set('open', true)
    expect(grant.judge(Y.encodeStateAsUpdate(timer), doc)).toBeUndefined()
    expect(grant.judge(Y.encodeStateAsUpdate(vote), doc)).toBe('only the timer, please')
    expect(seen).toEqual([
      {
        records: [{ type: 'timer', key: 'endsAt', change: 'created' }],
        role: 'facilitate',
        document: 'facilitation',
      },
      {
        records: [{ type: 'vote', key: 'open', change: 'created' }],
        role: 'facilitate',
        document: 'facilitation',
      },
    ])
  })
})
