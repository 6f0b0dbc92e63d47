import { describe, expect, it } from 'vitest'
import { closeCodes } from '../closeCodes'
import { hashToken } from '../permissions/tokens'
import { LinkSockets } from '../sync/linkSockets'
import { closeEvent, openRawSocket, upgradeStatus } from '../testing/rawSocket'
import { testScope } from '../testing/testScope'
import { type CreatedBoard, createBoard } from '../testing/testServer'

// Links and roles over real HTTP and real sockets: who is handed which link, who may rotate which,
// what a rotation does to the old token (401 at once) and to sockets that joined with it (4401).

const scope = testScope()

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

async function getBoard(url: string, id: string, token: string) {
  const res = await fetch(`${url}/api/boards/${id}`, { headers: bearer(token) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const rotate = (url: string, id: string, role: string, token: string) =>
  fetch(`${url}/api/boards/${id}/links/${role}/rotate`, { method: 'POST', headers: bearer(token) })

describe('links and roles', () => {
  it('creates three links, and each reports its role and what it may hand out', async () => {
    const t = await scope.start()
    const board = (await createBoard(t.httpUrl)) as CreatedBoard & Record<string, string>
    expect(board.facilitatorToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(board.facilitatorUrl).toBe(`/b/${board.id}#token=${board.facilitatorToken}`)
    expect(new Set([board.editToken, board.viewToken, board.facilitatorToken]).size).toBe(3)

    const asFacilitator = await getBoard(t.httpUrl, board.id, board.facilitatorToken)
    expect(asFacilitator.body.role).toBe('facilitate')
    expect(asFacilitator.body.links).toEqual({
      facilitate: { token: board.facilitatorToken, url: board.facilitatorUrl },
      edit: { token: board.editToken, url: board.editUrl },
      view: { token: board.viewToken, url: board.viewUrl },
    })
    expect(asFacilitator.body.canRotate).toEqual(['facilitate', 'edit', 'view'])

    const asEditor = await getBoard(t.httpUrl, board.id, board.editToken)
    expect(asEditor.body.role).toBe('edit')
    expect(asEditor.body.links).toEqual({ view: { token: board.viewToken, url: board.viewUrl } })
    expect(asEditor.body.canRotate).toEqual([])

    const asViewer = await getBoard(t.httpUrl, board.id, board.viewToken)
    expect(asViewer.body.role).toBe('view')
    expect(asViewer.body).not.toHaveProperty('links')
    expect(JSON.stringify(asViewer.body)).not.toContain(board.editToken)

    // The database holds no token in the clear, sealed copies included.
    const row = (await t.store.getBoard(board.id))!
    const stored = Buffer.concat(
      [row.editTokenHash, row.viewTokenHash, row.facilitatorTokenHash!, ...Object.values(row.sealed!)].map(
        (b) => Buffer.from(b),
      ),
    )
    for (const token of [board.editToken, board.viewToken, board.facilitatorToken])
      expect(stored.includes(Buffer.from(token))).toBe(false)
  })

  it('rotating a link: the old token is refused at once, the new one works, the others stay', async () => {
    const t = await scope.start()
    const board = await createBoard(t.httpUrl)
    const res = await rotate(t.httpUrl, board.id, 'view', board.facilitatorToken)
    expect(res.status).toBe(200)
    const fresh = (await res.json()) as { token: string; url: string }
    expect(fresh.url).toBe(`/b/${board.id}#token=${fresh.token}`)
    expect((await getBoard(t.httpUrl, board.id, board.viewToken)).status).toBe(401)
    expect((await getBoard(t.httpUrl, board.id, fresh.token)).body.role).toBe('view')
    expect(await upgradeStatus(`${t.wsUrl}/${board.id}?token=${board.viewToken}`)).toBe(401)
    // The editor is now handed the new view link, re-sealed under its unchanged token.
    const asEditor = await getBoard(t.httpUrl, board.id, board.editToken)
    expect(asEditor.body.links).toEqual({ view: fresh })
    // Rotating the edit link re-seals the view link for the new edit token.
    const edit = (await (await rotate(t.httpUrl, board.id, 'edit', board.facilitatorToken)).json()) as {
      token: string
    }
    expect((await getBoard(t.httpUrl, board.id, board.editToken)).status).toBe(401)
    expect((await getBoard(t.httpUrl, board.id, edit.token)).body.links).toEqual({ view: fresh })
    // And the facilitator rotating its own link still sees all three.
    const own = (await (await rotate(t.httpUrl, board.id, 'facilitate', board.facilitatorToken)).json()) as {
      token: string
    }
    const links = (await getBoard(t.httpUrl, board.id, own.token)).body.links as Record<
      string,
      { token: string }
    >
    expect([links.facilitate?.token, links.edit?.token, links.view?.token]).toEqual([
      own.token,
      edit.token,
      fresh.token,
    ])
  })

  it('refuses rotations a role may not make, and unknown links', async () => {
    const t = await scope.start()
    const board = await createBoard(t.httpUrl)
    for (const role of ['facilitate', 'edit', 'view']) {
      expect((await rotate(t.httpUrl, board.id, role, board.editToken)).status).toBe(403)
      expect((await rotate(t.httpUrl, board.id, role, board.viewToken)).status).toBe(403)
    }
    expect((await rotate(t.httpUrl, board.id, 'view', 'not-a-token')).status).toBe(401)
    const unknown = await rotate(t.httpUrl, board.id, 'owner', board.facilitatorToken)
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as { error: string }).error).toMatch(/unknown link "owner"/)
    const get = await fetch(`${t.httpUrl}/api/boards/${board.id}/links/view/rotate`, {
      headers: bearer(board.facilitatorToken),
    })
    expect(get.status).toBe(405)
    // Nothing changed.
    expect((await getBoard(t.httpUrl, board.id, board.viewToken)).status).toBe(200)
    expect((await getBoard(t.httpUrl, board.id, board.editToken)).status).toBe(200)
  })

  it('closes the sockets that joined with the old token, on every document, and only those', async () => {
    const t = await scope.start()
    const board = await createBoard(t.httpUrl)
    const viewers = await Promise.all([
      openRawSocket(t.wsUrl, board.id, board.viewToken),
      openRawSocket(t.wsUrl, `${board.id}/facilitation`, board.viewToken),
    ])
    const editor = await openRawSocket(t.wsUrl, board.id, board.editToken)
    const closes = viewers.map(closeEvent)
    let editorClosed = false
    editor.once('close', () => {
      editorClosed = true
    })
    expect((await rotate(t.httpUrl, board.id, 'view', board.facilitatorToken)).status).toBe(200)
    for (const close of await Promise.all(closes)) {
      expect(close.code).toBe(closeCodes.linkRotated)
      expect(close.reason).toMatch(/rotated/)
    }
    await new Promise((r) => setTimeout(r, 100))
    expect(editorClosed).toBe(false)
    expect(editor.readyState).toBe(editor.OPEN)
    editor.close()
  })

  it('two rotations at once both succeed one after the other, never interleaved', async () => {
    const t = await scope.start()
    const board = await createBoard(t.httpUrl)
    const [a, b] = await Promise.all([
      rotate(t.httpUrl, board.id, 'view', board.facilitatorToken),
      rotate(t.httpUrl, board.id, 'edit', board.facilitatorToken),
    ])
    expect([a.status, b.status]).toEqual([200, 200])
    const view = ((await a.json()) as { token: string }).token
    const edit = ((await b.json()) as { token: string }).token
    // Whatever the order, the stored sealed copies agree with both new tokens.
    const asEditor = await getBoard(t.httpUrl, board.id, edit)
    expect(asEditor.body.links).toEqual({ view: { token: view, url: `/b/${board.id}#token=${view}` } })
    const asFacilitator = await getBoard(t.httpUrl, board.id, board.facilitatorToken)
    const links = asFacilitator.body.links as Record<string, { token: string }>
    expect([links.edit?.token, links.view?.token]).toEqual([edit, view])
  })

  it('a board from before facilitators: its edit link manages every link, until a facilitator link exists', async () => {
    const t = await scope.start()
    const board = await createBoard(t.httpUrl)
    // Make the row what an old row is after the migration: no facilitator hash, nothing sealed.
    const row = (await t.store.getBoard(board.id))!
    const legacy = { editTokenHash: row.editTokenHash, viewTokenHash: row.viewTokenHash }
    expect(await t.store.updateLinks(board.id, row, legacy)).toBe(true)
    expect((await getBoard(t.httpUrl, board.id, board.facilitatorToken)).status).toBe(401)

    const before = await getBoard(t.httpUrl, board.id, board.editToken)
    expect(before.body.role).toBe('edit')
    expect(before.body.canRotate).toEqual(['facilitate', 'edit', 'view'])
    // The view token was never sealed for it: it cannot be handed out until the view link is rotated.
    expect(before.body.links).toEqual({ edit: { token: board.editToken, url: board.editUrl } })
    const view = (await (await rotate(t.httpUrl, board.id, 'view', board.editToken)).json()) as {
      token: string
      url: string
    }
    expect((await getBoard(t.httpUrl, board.id, board.editToken)).body.links).toEqual({
      edit: { token: board.editToken, url: board.editUrl },
      view,
    })
    // Creating the facilitator link hands the board over to it.
    const res = await rotate(t.httpUrl, board.id, 'facilitate', board.editToken)
    expect(res.status).toBe(200)
    const facilitator = ((await res.json()) as { token: string }).token
    const asFacilitator = await getBoard(t.httpUrl, board.id, facilitator)
    expect(asFacilitator.body.role).toBe('facilitate')
    expect(Object.keys(asFacilitator.body.links as object).sort()).toEqual(['edit', 'facilitate', 'view'])
    expect((await getBoard(t.httpUrl, board.id, board.editToken)).body.canRotate).toEqual([])
    expect((await rotate(t.httpUrl, board.id, 'view', board.editToken)).status).toBe(403)
  })

  it('a socket that authenticated with a token just before its rotation is closed as it joins', () => {
    // The upgrade that read the old row registers its socket after the rotation's sweep.
    let now = 0
    const sockets = new LinkSockets(() => now, 1000)
    const closed: string[] = []
    sockets.revoke('board', hashToken('old'))
    sockets.add('board', hashToken('old'), () => closed.push('late'))
    sockets.add('board', hashToken('new'), () => closed.push('new'))
    sockets.add('other', hashToken('old'), () => closed.push('other board'))
    expect(closed).toEqual(['late'])
    now = 2000 // past the grace period the hash is forgotten (it can never authenticate again anyway)
    sockets.add('board', hashToken('old'), () => closed.push('much later'))
    expect(closed).toEqual(['late'])
  })
})
