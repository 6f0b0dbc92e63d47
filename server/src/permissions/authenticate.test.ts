import type { IncomingMessage } from 'node:http'
import { beforeEach, describe, expect, it } from 'vitest'
import type { BoardStore } from '../storage/BoardStore'
import { createMemoryStore } from '../storage/memoryStore'
import { type AccessClaim, authenticate, claimFromHttpRequest, claimFromSocketUrl } from './authenticate'
import { documentPolicies } from './documentPolicies'
import { participantId } from './participant'
import { hashToken } from './tokens'

// The one door, in order: 404 board or document, 401 token, 400 participant secret, 403 document.

const boardId = 'BBBBBBBBBBBBBBBBBBBBBB'
const secret = 'c2VjcmV0LW9mLW9uZS1icm93c2VyLTMyLWJ5dGVzISE'
let store: BoardStore

beforeEach(async () => {
  store = createMemoryStore()
  await store.createBoard(
    {
      id: boardId,
      title: 'Board',
      editTokenHash: hashToken('edit-token'),
      viewTokenHash: hashToken('view-token'),
      createdAt: 1,
      noteCount: 0,
    },
    new Uint8Array([0, 0]),
  )
})

const deps = () => ({ store, policies: documentPolicies })
const socketClaim = (path: string) => claimFromSocketUrl(new URL(path, 'http://localhost'))!
const auth = (path: string) => authenticate(deps(), socketClaim(path))

describe('authenticate', () => {
  it('finds the board, the role, and the participant a secret proves', async () => {
    const result = await auth(`/ws/${boardId}?token=edit-token&participant=${secret}`)
    expect(result).toMatchObject({
      ok: true,
      boardId,
      document: { name: 'content', kind: 'content' },
      access: { role: 'edit', participant: { id: participantId(boardId, secret) } },
    })
    expect(await auth(`/ws/${boardId}?token=view-token`)).toMatchObject({
      ok: true,
      access: { role: 'view', participant: undefined },
    })
  })

  it.each([
    ['not a board id', `/ws/nope?token=edit-token`, 404, 'unknown-board'],
    ['an unknown board', `/ws/AAAAAAAAAAAAAAAAAAAAAA?token=edit-token`, 404, 'unknown-board'],
    ['an unknown document', `/ws/${boardId}/minutes?token=edit-token`, 404, 'unknown-document'],
    ['the content under a second name', `/ws/${boardId}/content?token=edit-token`, 404, 'unknown-document'],
    ['no token', `/ws/${boardId}`, 401, 'token'],
    ['a wrong token', `/ws/${boardId}?token=edit-tokenx`, 401, 'token'],
    [
      'a malformed participant secret',
      `/ws/${boardId}?token=edit-token&participant=short`,
      400,
      'participant',
    ],
    [
      'a private document without a participant',
      `/ws/${boardId}/private/${'P'.repeat(22)}?token=edit-token`,
      403,
      'forbidden',
    ],
  ])('refuses %s with %i', async (_what, path, status, reason) => {
    expect(await auth(path)).toMatchObject({ ok: false, status, reason })
  })

  it("opens a participant's own private document to them, and to nobody else", async () => {
    const mine = participantId(boardId, secret)
    expect(await auth(`/ws/${boardId}/private/${mine}?token=view-token&participant=${secret}`)).toMatchObject(
      {
        ok: true,
        document: { kind: 'private', owner: mine },
      },
    )
    const otherSecret = 'b3RoZXItYnJvd3Nlci1zZWNyZXQtMzItYnl0ZXMhIQ'
    expect(
      await auth(`/ws/${boardId}/private/${mine}?token=edit-token&participant=${otherSecret}`),
    ).toMatchObject({
      ok: false,
      status: 403,
    })
  })

  it('lets every role open the facilitation document (writing is decided at the join)', async () => {
    for (const token of ['edit-token', 'view-token']) {
      expect(await auth(`/ws/${boardId}/facilitation?token=${token}`)).toMatchObject({
        ok: true,
        document: { name: 'facilitation' },
      })
    }
  })

  it('reads an HTTP request from its Authorization and X-Participant-Secret headers, never its query', () => {
    const req = {
      headers: { authorization: 'Bearer view-token', 'x-participant-secret': secret },
      url: `/api/boards/${boardId}?token=edit-token`,
    } as unknown as IncomingMessage
    const claim: AccessClaim = claimFromHttpRequest(req, boardId)
    expect(claim).toEqual({
      boardId,
      document: { name: 'content', kind: 'content' },
      token: 'view-token',
      participantSecret: secret,
    })
  })

  it('reads nothing that is not a board socket path', () => {
    expect(claimFromSocketUrl(new URL('/ws', 'http://localhost'))).toBeUndefined()
    expect(claimFromSocketUrl(new URL('/api/boards', 'http://localhost'))).toBeUndefined()
  })
})
