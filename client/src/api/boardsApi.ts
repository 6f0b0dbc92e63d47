/* The boards HTTP API. Expected failures come back as results; only bugs throw. */

export interface CreatedBoard {
  id: string
  title: string
  editToken: string
  viewToken: string
  /** The facilitator link (issue 16): hands out and rotates every link. */
  facilitatorToken: string
  editUrl: string
  viewUrl: string
  facilitatorUrl: string
}

export interface BoardListing {
  id: string
  title: string
  /** ISO date string (or epoch ms from older servers); read with `toMs`. */
  createdAt: string | number
  updatedAt: string | number
  noteCount: number
}

export type Role = 'facilitate' | 'edit' | 'view'

/** A link the server hands out: its token and its page path (`/b/<id>#token=…`). */
export interface BoardLink {
  token: string
  url: string
}

/** GET /api/boards/<id>: the board, the caller's role and, unless it is a viewer, what it may share. */
export interface BoardInfo {
  id: string
  title: string
  role: Role
  links?: Partial<Record<Role, BoardLink>>
  canRotate?: Role[]
  /** The participant this browser's secret proves on this board (sent as X-Participant-Secret). */
  participantId?: string
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string }

async function request<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, init)
    if (!response.ok) {
      const body = await response.text().catch(() => '')
      return { ok: false, status: response.status, message: body || response.statusText }
    }
    return { ok: true, value: (await response.json()) as T }
  } catch (error) {
    return { ok: false, status: 0, message: `cannot reach the server: ${String(error)}` }
  }
}

/** `template`: any id GET /api/templates lists, built-in or saved. */
export const createBoard = (title: string, template: string): Promise<ApiResult<CreatedBoard>> =>
  request('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: title.trim() || undefined, template }),
  })

export interface KnownBoardsStatus {
  /** The boards whose link works, newest edit first, with the role the best link gives. */
  boards: (BoardListing & { role: Role })[]
  /** Ids whose links no longer work here (the board is gone, or the link was replaced). */
  unavailable: string[]
}

/**
 * Which of the links this browser holds still work. The server tells a caller only about boards it
 * proves a link for, so nobody learns what other teams keep on the same server.
 */
export const checkKnownBoards = (
  links: { id: string; token: string }[],
): Promise<ApiResult<KnownBoardsStatus>> =>
  request('/api/boards/known', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ boards: links }),
  })

/** `secret`: this browser's participant secret, so the server reports the participant id it proves. */
export const getBoard = (id: string, token: string, secret?: string): Promise<ApiResult<BoardInfo>> =>
  request(`/api/boards/${encodeURIComponent(id)}`, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(secret ? { 'x-participant-secret': secret } : {}),
    },
  })

/** Replaces a link's token: the old one stops working at once (POST …/links/<role>/rotate). */
export const rotateLink = (id: string, token: string, role: Role): Promise<ApiResult<BoardLink>> =>
  request(`/api/boards/${encodeURIComponent(id)}/links/${role}/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  })

/** A new board made from a Journeyboard JSON export (POST /api/boards/import). */
export const importBoard = (json: string): Promise<ApiResult<CreatedBoard>> =>
  request('/api/boards/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: json,
  })

/** A listing's timestamp in epoch ms, whichever form the server sent. */
export const toMs = (value: string | number): number =>
  typeof value === 'number' ? value : Date.parse(value)
