import { beforeEach, describe, expect, it } from 'vitest'
import { participantId } from '../permissions/participant'
import { slowStore } from '../testing/slowStore'
import { testScope } from '../testing/testScope'
import { createBoard, type TestServer } from '../testing/testServer'

// The HTTP contract other tools rely on: status codes, shapes, and no tokens where they don't belong.

const scope = testScope()
let t: TestServer
beforeEach(async () => {
  t = await scope.start({ config: { adminToken } })
})

const adminToken = 'the-operator-s-token'
const asAdmin = { Authorization: `Bearer ${adminToken}` }
const secret = 'a-browser-secret-of-43-base64url-characters'

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${t.httpUrl}/api/boards`, { method: 'POST', body, headers })

describe('boards API', () => {
  it('GET /healthz answers ok', async () => {
    const res = await fetch(`${t.httpUrl}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('ok')
  })

  it('creates a board with defaults and unguessable ids and tokens', async () => {
    const res = await post('')
    expect(res.status).toBe(201)
    const board = (await res.json()) as Record<string, string>
    expect(board.title).toBe('Customer journey')
    expect(board.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(board.editToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(board.viewToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(board.editToken).not.toBe(board.viewToken)
    expect(board.editUrl).toBe(`/b/${board.id}#token=${board.editToken}`)
    expect(board.viewUrl).toBe(`/b/${board.id}#token=${board.viewToken}`)
    // Only hashes are stored.
    const row = (await t.store.getBoard(board.id!))!
    expect(Buffer.from(row.editTokenHash).toString('utf8')).not.toContain(board.editToken)
    expect(row.editTokenHash).toHaveLength(32)
  })

  it('trims the title and accepts the blank template', async () => {
    const res = await post(JSON.stringify({ title: '  Returns  ', template: 'blank' }))
    expect(res.status).toBe(201)
    expect(((await res.json()) as { title: string }).title).toBe('Returns')
  })

  it.each([
    ['not JSON', '{nope', /not valid JSON/],
    ['an empty title', JSON.stringify({ title: '   ' }), /title/],
    ['a too long title', JSON.stringify({ title: 'x'.repeat(201) }), /title/],
    ['an unknown template', JSON.stringify({ template: 'kanban' }), /template/],
    ['an unknown field', JSON.stringify({ colour: 'red' }), /colour/],
    ['a non-object body', JSON.stringify([1, 2]), /invalid request body/],
  ])('rejects %s with 400 and a clear message', async (_what, body, message) => {
    const res = await post(body)
    expect(res.status).toBe(400)
    const json = (await res.json()) as { error: string }
    expect(json.error).toMatch(message)
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts/) // no stack traces
  })

  it('rejects a body over the limit with 413', async () => {
    const res = await post(JSON.stringify({ title: 'x'.repeat(70 * 1024) }))
    expect(res.status).toBe(413)
  })

  it('lists every board newest-edited first, without tokens, to the operator only', async () => {
    const first = await createBoard(t.httpUrl, { title: 'First' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = await createBoard(t.httpUrl, { title: 'Second' })
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: `Bearer ${first.editToken}` },
      { Authorization: 'Bearer x' },
    ]
    for (const headers of attempts) {
      const refused = await fetch(`${t.httpUrl}/api/boards`, { headers })
      expect(refused.status).toBe(401)
      const body = await refused.text()
      expect(body).not.toContain('First')
      expect(body).not.toContain(first.id)
    }
    const res = await fetch(`${t.httpUrl}/api/boards`, { headers: asAdmin })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain(first.editToken)
    expect(text).not.toContain(first.viewToken)
    const { boards } = JSON.parse(text) as { boards: Record<string, unknown>[] }
    expect(boards.map((b) => b.id)).toEqual([second.id, first.id])
    expect(Object.keys(boards[0]!).sort()).toEqual(['createdAt', 'id', 'noteCount', 'title', 'updatedAt'])
    expect(new Date(boards[0]!.createdAt as string).getTime()).toBeGreaterThan(0)
  })

  it('serves no board list at all without ADMIN_TOKEN', async () => {
    const closed = await scope.start()
    await createBoard(closed.httpUrl, { title: 'Q3 layoffs journey' })
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer undefined' },
      { Authorization: 'Bearer ' },
    ]
    for (const headers of attempts) {
      const res = await fetch(`${closed.httpUrl}/api/boards`, { headers })
      expect(res.status).toBe(403)
      const body = await res.text()
      expect(body).toContain('ADMIN_TOKEN')
      expect(body).not.toContain('layoffs')
    }
  })

  describe('POST /api/boards/known', () => {
    const known = (body: unknown, server: TestServer = t) =>
      fetch(`${server.httpUrl}/api/boards/known`, { method: 'POST', body: JSON.stringify(body) })

    it('answers the boards whose link works, with the role, and the ids of those that do not', async () => {
      const mine = await createBoard(t.httpUrl, { title: 'Mine' })
      await new Promise((resolve) => setTimeout(resolve, 5))
      const shared = await createBoard(t.httpUrl, { title: 'Shared with me' })
      const theirs = await createBoard(t.httpUrl, { title: 'Someone else’s' })
      const res = await known({
        boards: [
          { id: mine.id, token: mine.editToken },
          { id: shared.id, token: shared.viewToken },
          { id: theirs.id, token: mine.editToken }, // a token of another board
          { id: 'AAAAAAAAAAAAAAAAAAAAAA', token: mine.editToken }, // no such board
          { id: 'not an id', token: 'x' },
        ],
      })
      expect(res.status).toBe(200)
      const text = await res.text()
      expect(text).not.toContain('Someone else')
      expect(text).not.toContain(mine.editToken)
      const body = JSON.parse(text) as { boards: Record<string, unknown>[]; unavailable: string[] }
      expect(body.boards.map((b) => [b.id, b.title, b.role])).toEqual([
        [shared.id, 'Shared with me', 'view'],
        [mine.id, 'Mine', 'edit'],
      ])
      expect(Object.keys(body.boards[0]!).sort()).toEqual([
        'createdAt',
        'id',
        'noteCount',
        'role',
        'title',
        'updatedAt',
      ])
      expect(body.unavailable).toEqual([theirs.id, 'AAAAAAAAAAAAAAAAAAAAAA', 'not an id'])
    })

    it('gives a board the strongest role among the links sent for it, once', async () => {
      const board = await createBoard(t.httpUrl, { title: 'Both links' })
      const body = (await (
        await known({
          boards: [
            { id: board.id, token: 'wrong' },
            { id: board.id, token: board.viewToken },
            { id: board.id, token: board.editToken },
            { id: board.id, token: board.viewToken },
          ],
        })
      ).json()) as { boards: { id: string; role: string }[]; unavailable: string[] }
      expect(body.boards).toMatchObject([{ id: board.id, role: 'edit' }])
      expect(body.boards).toHaveLength(1)
      expect(body.unavailable).toEqual([])
    })

    it('answers an empty list with empty lists', async () => {
      expect(await (await known({ boards: [] })).json()).toEqual({ boards: [], unavailable: [] })
    })

    it.each([
      ['no boards field', {}, /boards/],
      ['a board without a token', { boards: [{ id: 'x' }] }, /boards\.0\.token/],
      ['a token that is not a string', { boards: [{ id: 'x', token: 7 }] }, /token/],
      ['an unknown field', { boards: [], all: true }, /all/],
      ['more than maxKnownBoards links', { boards: Array(201).fill({ id: 'x', token: 'y' }) }, /at most 200/],
    ])('refuses %s with 400', async (_what, body, message) => {
      const res = await known(body)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: string }).error).toMatch(message)
    })

    it('answers GET with 405', async () => {
      expect((await fetch(`${t.httpUrl}/api/boards/known`)).status).toBe(405)
    })
  })

  it('reads one board with a Bearer token and reports the role', async () => {
    const board = await createBoard(t.httpUrl, { title: 'Roles' })
    const get = (token?: string) =>
      fetch(`${t.httpUrl}/api/boards/${board.id}`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      })
    const asEditor = await get(board.editToken)
    expect(asEditor.status).toBe(200)
    expect(await asEditor.json()).toMatchObject({ id: board.id, title: 'Roles', role: 'edit', noteCount: 0 })
    expect(await (await get(board.viewToken)).json()).toMatchObject({ role: 'view' })
    expect((await get()).status).toBe(401)
    expect((await get('wrong')).status).toBe(401)
    const unknown = await fetch(`${t.httpUrl}/api/boards/AAAAAAAAAAAAAAAAAAAAAA`, {
      headers: { Authorization: `Bearer ${board.editToken}` },
    })
    expect(unknown.status).toBe(404)
  })

  it('reports the participant id a valid participant secret proves, and refuses a malformed secret with 400', async () => {
    const board = await createBoard(t.httpUrl, { title: 'Who am I' })
    const get = (headers: Record<string, string>) =>
      fetch(`${t.httpUrl}/api/boards/${board.id}`, {
        headers: { Authorization: `Bearer ${board.viewToken}`, ...headers },
      })
    const withSecret = (await (await get({ 'X-Participant-Secret': secret })).json()) as Record<
      string,
      unknown
    >
    expect(withSecret.participantId).toBe(participantId(board.id, secret))
    expect(withSecret.participantId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    const without = (await (await get({})).json()) as Record<string, unknown>
    expect(without).not.toHaveProperty('participantId')
    const malformed = await get({ 'X-Participant-Secret': 'short' })
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as { error: string }).error).toMatch(/participant secret/)
    expect(JSON.stringify(t.logs)).not.toContain(secret)
  })

  it('answers unknown API paths with 404 and wrong methods with 405', async () => {
    expect((await fetch(`${t.httpUrl}/api/nope`)).status).toBe(404)
    expect((await fetch(`${t.httpUrl}/api/boards`, { method: 'DELETE' })).status).toBe(405)
  })

  it('never logs a token', async () => {
    const board = await createBoard(t.httpUrl)
    await fetch(`${t.httpUrl}/api/boards/${board.id}`, {
      headers: { Authorization: `Bearer ${board.editToken}` },
    })
    const logs = JSON.stringify(t.logs)
    expect(logs).not.toContain(board.editToken)
    expect(logs).not.toContain(board.viewToken)
  })

  it('answers 500 { error } without details when the store rejects, and logs it', async () => {
    const failing = await scope.start({
      config: { adminToken },
      wrapStore: (inner) => {
        const store = slowStore(inner)
        const down = new Error('connect ECONNREFUSED 10.0.0.5:5432')
        Object.assign(store.failWith, { listBoards: down, getBoard: down, createBoard: down })
        return store
      },
    })
    for (const [path, init] of [
      ['/api/boards', { headers: asAdmin }],
      ['/api/boards', { method: 'POST', body: '{}' }],
      ['/api/boards/AAAAAAAAAAAAAAAAAAAAAA', { headers: { Authorization: 'Bearer x' } }],
      [
        '/api/boards/known',
        { method: 'POST', body: '{"boards":[{"id":"AAAAAAAAAAAAAAAAAAAAAA","token":"x"}]}' },
      ],
    ] as const) {
      const res = await fetch(`${failing.httpUrl}${path}`, init)
      expect(res.status).toBe(500)
      const text = await res.text()
      expect(JSON.parse(text)).toEqual({ error: 'internal error' })
      expect(text).not.toMatch(/ECONNREFUSED|at .*\.ts/)
    }
    const lines = failing.logs.filter((l) => l.msg === 'request failed')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatchObject({ level: 50, path: '/api/boards' })
  })

  describe('rate limit on POST /api/boards', () => {
    const limited = { createBoardsPerMinute: 60, createBoardBurst: 3 }

    it('answers 429 with Retry-After past the burst from one address; another address is not affected', async () => {
      const u = await scope.start({
        config: { ...limited, exemptLoopbackFromIpLimit: false, trustProxyHops: 1 },
      })
      const from = (ip: string) =>
        fetch(`${u.httpUrl}/api/boards`, { method: 'POST', body: '{}', headers: { 'X-Forwarded-For': ip } })
      for (let i = 0; i < 3; i++) expect((await from('203.0.113.7')).status).toBe(201)
      const refused = await from('203.0.113.7')
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe('1') // 60 a minute: the next token in 1 s
      expect(((await refused.json()) as { error: string }).error).toMatch(
        /too many boards .* try again in 1 s/,
      )
      expect((await from('198.51.100.4')).status).toBe(201)
      expect(await u.store.listBoards()).toHaveLength(4) // the refused request created nothing
      await new Promise((resolve) => setTimeout(resolve, 1_050))
      expect((await from('203.0.113.7')).status).toBe(201)
      expect(u.logs.some((l) => l.msg === 'board creation rate-limited')).toBe(true)
    })

    it('does not limit loopback by default', async () => {
      const u = await scope.start({ config: limited })
      for (let i = 0; i < 6; i++) expect((await createBoardRaw(u.httpUrl)).status).toBe(201)
    })
  })
})

const createBoardRaw = (httpUrl: string) => fetch(`${httpUrl}/api/boards`, { method: 'POST', body: '{}' })
