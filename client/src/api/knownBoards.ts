/*
 * The boards this browser knows, with the tokens it was given: saved when a board is created here or
 * opened through a link, so "Your boards" can open them again without the link.
 */
import type { Role } from './boardsApi'

export interface KnownBoard {
  id: string
  title?: string
  /** The facilitator link (issue 16): the strongest, so it is the one a return visit opens with. */
  facilitatorToken?: string
  editToken?: string
  viewToken?: string
  lastOpenedAt: number
}

const STORAGE_KEY = 'journeyboard:boards'

export function readKnownBoards(
  storage: Pick<Storage, 'getItem'> = localStorage,
): Record<string, KnownBoard> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}')
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, KnownBoard>) : {}
  } catch {
    return {}
  }
}

/** Removes a board this browser knows, e.g. one whose link no longer works. */
export function forgetBoard(id: string, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): void {
  const all = readKnownBoards(storage)
  delete all[id]
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(all))
  } catch {
    // Storage disabled: nothing was remembered either.
  }
}

/** The server checks at most this many links per request (its maxKnownBoards). */
export const maxLinksChecked = 200

/**
 * The links this browser holds, most recently opened board first, to ask the server which still work
 * (it answers with the best role per board). Past maxLinksChecked the oldest are left out.
 */
export function heldLinks(known: Record<string, KnownBoard>): { id: string; token: string }[] {
  return Object.values(known)
    .sort((a, b) => b.lastOpenedAt - a.lastOpenedAt)
    .flatMap((k) =>
      [k.facilitatorToken, k.editToken, k.viewToken]
        .filter((token): token is string => !!token)
        .map((token) => ({ id: k.id, token })),
    )
    .slice(0, maxLinksChecked)
}

export function rememberBoard(
  board: {
    id: string
    title?: string
    token?: string
    role?: Role
    facilitatorToken?: string
    editToken?: string
    viewToken?: string
  },
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): KnownBoard {
  const all = readKnownBoards(storage)
  const prev = all[board.id]
  const next: KnownBoard = { ...prev, id: board.id, lastOpenedAt: Date.now() }
  if (board.title) next.title = board.title
  if (board.facilitatorToken) next.facilitatorToken = board.facilitatorToken
  if (board.editToken) next.editToken = board.editToken
  if (board.viewToken) next.viewToken = board.viewToken
  if (board.token && board.role === 'facilitate') next.facilitatorToken = board.token
  if (board.token && board.role === 'edit') next.editToken = board.token
  if (board.token && board.role === 'view') next.viewToken = board.token
  all[board.id] = next
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(all))
  } catch {
    // Storage full or disabled (private mode): the board still works, it just won't be listed.
  }
  return next
}

/**
 * Forgets a token of a board that no longer works (its link was rotated), so the next visit does not
 * try it again.
 */
export function forgetToken(
  id: string,
  token: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): void {
  const all = readKnownBoards(storage)
  const known = all[id]
  if (!known) return
  for (const key of ['facilitatorToken', 'editToken', 'viewToken'] as const)
    if (known[key] === token) delete known[key]
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(all))
  } catch {
    // Storage disabled: nothing was remembered either.
  }
}

/** The strongest token this browser holds for a board. */
export const bestToken = (known: KnownBoard | undefined): string | undefined =>
  known?.facilitatorToken ?? known?.editToken ?? known?.viewToken

export const boardPath = (id: string, token: string): string =>
  `/b/${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`

export const boardLink = (id: string, token: string, origin: string = location.origin): string =>
  `${origin}${boardPath(id, token)}`

/** The role a token had when this browser last opened the board with it, for opening it offline. */
export function rememberedRole(known: KnownBoard | undefined, token: string): Role | null {
  if (known?.facilitatorToken === token) return 'facilitate'
  if (known?.editToken === token) return 'edit'
  if (known?.viewToken === token) return 'view'
  return null
}
