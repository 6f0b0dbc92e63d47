import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { slowStore } from '../testing/slowStore'
import { createBoard, startTestServer, type TestServer } from '../testing/testServer'

/** The HTTP contract other tools rely on: status codes, shapes, and no tokens where they don't belong. */

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

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

  it('lists boards newest-edited first, without tokens', async () => {
    const first = await createBoard(t, { title: 'First' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = await createBoard(t, { title: 'Second' })
    const res = await fetch(`${t.httpUrl}/api/boards`)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain(first.editToken)
    expect(text).not.toContain(first.viewToken)
    const { boards } = JSON.parse(text) as { boards: Record<string, unknown>[] }
    expect(boards.map((b) => b.id)).toEqual([second.id, first.id])
    expect(Object.keys(boards[0]!).sort()).toEqual(['createdAt', 'id', 'noteCount', 'title', 'updatedAt'])
    expect(new Date(boards[0]!.createdAt as string).getTime()).toBeGreaterThan(0)
  })

  it('reads one board with a Bearer token and reports the role', async () => {
    const board = await createBoard(t, { title: 'Roles' })
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

  it('answers unknown API paths with 404 and wrong methods with 405', async () => {
    expect((await fetch(`${t.httpUrl}/api/nope`)).status).toBe(404)
    expect((await fetch(`${t.httpUrl}/api/boards`, { method: 'DELETE' })).status).toBe(405)
  })

  it('never logs a token', async () => {
    const board = await createBoard(t, {})
    await fetch(`${t.httpUrl}/api/boards/${board.id}`, {
      headers: { Authorization: `Bearer ${board.editToken}` },
    })
    const logs = JSON.stringify(t.logs)
    expect(logs).not.toContain(board.editToken)
    expect(logs).not.toContain(board.viewToken)
  })

  it('answers 500 { error } without details when the store rejects, and logs it', async () => {
    const failing = await startTestServer({
      wrapStore: (inner) => {
        const store = slowStore(inner)
        const down = new Error('connect ECONNREFUSED 10.0.0.5:5432')
        Object.assign(store.failWith, { listBoards: down, getBoard: down, createBoard: down })
        return store
      },
    })
    try {
      for (const [path, init] of [
        ['/api/boards', {}],
        ['/api/boards', { method: 'POST', body: '{}' }],
        ['/api/boards/AAAAAAAAAAAAAAAAAAAAAA', { headers: { Authorization: 'Bearer x' } }],
      ] as const) {
        const res = await fetch(`${failing.httpUrl}${path}`, init)
        expect(res.status).toBe(500)
        const text = await res.text()
        expect(JSON.parse(text)).toEqual({ error: 'internal error' })
        expect(text).not.toMatch(/ECONNREFUSED|at .*\.ts/)
      }
      const lines = failing.logs.filter((l) => l.msg === 'request failed')
      expect(lines).toHaveLength(3)
      expect(lines[0]).toMatchObject({ level: 50, path: '/api/boards' })
    } finally {
      await failing.stop()
    }
  })

  describe('rate limit on POST /api/boards', () => {
    const limited = { createBoardsPerMinute: 60, createBoardBurst: 3 }

    it('answers 429 with Retry-After past the burst from one address; another address is not affected', async () => {
      const u = await startTestServer({
        config: { ...limited, exemptLoopbackFromIpLimit: false, trustProxyHops: 1 },
      })
      try {
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
      } finally {
        await u.stop()
      }
    })

    it('does not limit loopback by default', async () => {
      const u = await startTestServer({ config: limited })
      try {
        for (let i = 0; i < 6; i++) expect((await createBoardRaw(u.httpUrl)).status).toBe(201)
      } finally {
        await u.stop()
      }
    })
  })
})

const createBoardRaw = (httpUrl: string) => fetch(`${httpUrl}/api/boards`, { method: 'POST', body: '{}' })
