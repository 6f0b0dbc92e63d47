import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../storage/BoardStore'
import {
  knownTokens,
  linksToHandOut,
  newBoardLinks,
  planRotation,
  rotatableLinks,
  seal,
  unseal,
} from './links'
import { roleForToken } from './tokens'

// The sealed copies and the rotation rules, without a server (linksApi.test.ts has them over HTTP).

const boardOf = (links: ReturnType<typeof newBoardLinks>['links']): BoardRecord => ({
  id: 'b',
  title: 'B',
  createdAt: 0,
  updatedAt: 0,
  noteCount: 0,
  ...links,
})

describe('links', () => {
  it('a sealed token opens only with the token it was sealed under, and a tampered copy opens with none', () => {
    const sealed = seal('the-view-token', 'the-edit-token')
    expect(unseal(sealed, 'the-edit-token')).toBe('the-view-token')
    expect(unseal(sealed, 'another-token')).toBeUndefined()
    const tampered = sealed.slice()
    tampered[14] = (tampered[14] ?? 0) ^ 1
    expect(unseal(tampered, 'the-edit-token')).toBeUndefined()
    expect(unseal(new Uint8Array(3), 'the-edit-token')).toBeUndefined()
    expect(unseal(undefined, 'the-edit-token')).toBeUndefined()
  })

  it('each token grants its role, and each role knows what the table says', () => {
    const { links, tokens } = newBoardLinks()
    const board = boardOf(links)
    expect(roleForToken(board, tokens.facilitate)).toBe('facilitate')
    expect(roleForToken(board, tokens.edit)).toBe('edit')
    expect(roleForToken(board, tokens.view)).toBe('view')
    expect(knownTokens(board, 'facilitate', tokens.facilitate)).toEqual(tokens)
    expect(linksToHandOut(board, 'edit', tokens.edit)).toEqual({ view: tokens.view })
    expect(linksToHandOut(board, 'view', tokens.view)).toEqual({})
    // A token claimed with the wrong role opens nothing sealed.
    expect(knownTokens(board, 'facilitate', tokens.edit)).toEqual({ facilitate: tokens.edit })
    expect(rotatableLinks(board, 'edit')).toEqual([])
  })

  it('a board without a facilitator hash treats no token as a facilitator, not even an empty-looking one', () => {
    const { links, tokens } = newBoardLinks()
    const legacy = boardOf({ editTokenHash: links.editTokenHash, viewTokenHash: links.viewTokenHash })
    expect(roleForToken(legacy, tokens.facilitate)).toBeNull()
    expect(roleForToken(legacy, '')).toBeNull()
    expect(rotatableLinks(legacy, 'edit')).toEqual(['facilitate', 'edit', 'view'])
    const plan = planRotation(legacy, 'edit', tokens.edit, 'facilitate')
    if (!plan.ok) throw new Error(plan.error)
    const next = boardOf({ ...plan.next })
    expect(roleForToken(next, plan.token)).toBe('facilitate')
    // The view token was never known here, so the facilitator cannot be handed it yet.
    expect(knownTokens(next, 'facilitate', plan.token)).toEqual({ facilitate: plan.token, edit: tokens.edit })
  })

  it('refuses a rotation the role may not make, naming it', () => {
    const { links, tokens } = newBoardLinks()
    const plan = planRotation(boardOf(links), 'edit', tokens.edit, 'view')
    expect(plan).toEqual({
      ok: false,
      status: 403,
      error: 'an edit link may not rotate the view link (the facilitator link may)',
    })
  })
})
