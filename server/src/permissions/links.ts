import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { BoardLinks, BoardRecord, SealedTokens } from '../storage/BoardStore'
import type { Role } from './access'
import { hashToken, newToken } from './tokens'

// A board's three links (facilitator, edit, view) and who may hand out and rotate which. The server
// keeps only hashes of tokens, so it cannot show a token it did not just make. To hand a stronger
// link's holder the weaker links (an editor gets the view link, a facilitator every link, on any
// browser, not only the one that made the board), each weaker token is also stored SEALED under a key
// derived from the stronger token: AES-256-GCM, key = SHA-256("journeyboard-seal\0" + token). A token
// is 256 random bits, so the hash is a sound key. Whoever holds the stronger token can open its copy;
// the database alone opens nothing, so a leaked database still leaks no working link.
//
// Who may do what (README "Links and roles"):
//   role         is handed (GET /api/boards/<id>)     may rotate
//   facilitate   facilitate, edit, view               facilitate, edit, view
//   edit         view                                 nothing, on a board that has a facilitator;
//                edit, view (no facilitator yet)      every link on a board from before facilitators
//   view         nothing                              nothing
// A board from before facilitators (no facilitator hash) has nobody above its edit link, so that link
// manages the board's links; rotating 'facilitate' there creates the facilitator link, after which the
// edit link is an editor's like any other. A rotation replaces one token and re-seals every copy it
// can (a copy whose token or key changed and that cannot be re-sealed is dropped, never left stale).

export const linkRoles: readonly Role[] = ['facilitate', 'edit', 'view']

const sealKey = (token: string) => createHash('sha256').update('journeyboard-seal\0').update(token).digest()

/** `token` sealed under `keyToken`: 12-byte IV, ciphertext, 16-byte tag. */
export function seal(token: string, keyToken: string): Uint8Array {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealKey(keyToken), iv)
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()])
  return new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()]))
}

/** The token sealed under `keyToken`, or undefined if there is none or it does not open with that key. */
export function unseal(sealed: Uint8Array | undefined, keyToken: string): string | undefined {
  if (!sealed || sealed.byteLength < 12 + 16 + 1) return undefined
  try {
    const bytes = Buffer.from(sealed)
    const decipher = createDecipheriv('aes-256-gcm', sealKey(keyToken), bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(bytes.length - 16))
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString(
      'utf8',
    )
  } catch {
    return undefined
  }
}

/** Plain tokens of a board, as far as they are known to whoever holds one of them. */
export type KnownTokens = Partial<Record<Role, string>>

/** The links of a new board: three fresh tokens, their hashes and every sealed copy. */
export function newBoardLinks(): { links: BoardLinks; tokens: Required<KnownTokens> } {
  const tokens = { facilitate: newToken(), edit: newToken(), view: newToken() }
  return { links: linksFor(tokens, {}), tokens }
}

/** Whether the board predates facilitators: its edit link then manages the links. */
export const hasFacilitator = (board: BoardLinks) => board.facilitatorTokenHash !== undefined

/** The tokens the holder of `token` (whose role is `role`) can know: its own and the ones sealed for it. */
export function knownTokens(board: BoardLinks, role: Role, token: string): KnownTokens {
  const sealed = board.sealed ?? {}
  if (role === 'facilitate') {
    const known: KnownTokens = { facilitate: token }
    const edit = unseal(sealed.editForFacilitator, token)
    const view = unseal(sealed.viewForFacilitator, token)
    if (edit) known.edit = edit
    if (view) known.view = view
    return known
  }
  if (role === 'edit') {
    const known: KnownTokens = { edit: token }
    const view = unseal(sealed.viewForEdit, token)
    if (view) known.view = view
    return known
  }
  return { view: token }
}

/** The links a role is handed (see the table above); absent ones cannot be recovered until a rotation. */
export function linksToHandOut(board: BoardLinks, role: Role, token: string): KnownTokens {
  const known = knownTokens(board, role, token)
  if (role === 'facilitate') return known
  if (role === 'edit') return hasFacilitator(board) ? pick(known, ['view']) : pick(known, ['edit', 'view'])
  return {}
}

/** The links a role may rotate (see the table above). */
export function rotatableLinks(board: BoardLinks, role: Role): Role[] {
  if (role === 'facilitate') return [...linkRoles]
  if (role === 'edit' && !hasFacilitator(board)) return [...linkRoles]
  return []
}

export type RotationPlan =
  | { ok: true; token: string; next: BoardLinks }
  | { ok: false; status: 403; error: string }

/** A rotation of `target` by the holder of `token` (role `role`): the new token and the row to swap in. */
export function planRotation(board: BoardRecord, role: Role, token: string, target: Role): RotationPlan {
  if (!rotatableLinks(board, role).includes(target)) {
    const who = role === 'view' ? 'a view link' : role === 'edit' ? 'an edit link' : 'this link'
    return {
      ok: false,
      status: 403,
      error: `${who} may not rotate the ${target} link${role === 'edit' ? ' (the facilitator link may)' : ''}`,
    }
  }
  const known = knownTokens(board, role, token)
  const fresh = newToken()
  const tokens: KnownTokens = { ...known, [target]: fresh }
  const previous = board.sealed ?? {}
  // A copy keeps its old bytes only while neither its token nor its key changed.
  const keep: SealedTokens = {}
  const unchanged = (value: Role, key: Role) => value !== target && key !== target
  if (unchanged('view', 'edit') && previous.viewForEdit) keep.viewForEdit = previous.viewForEdit
  if (unchanged('view', 'facilitate') && previous.viewForFacilitator)
    keep.viewForFacilitator = previous.viewForFacilitator
  if (unchanged('edit', 'facilitate') && previous.editForFacilitator)
    keep.editForFacilitator = previous.editForFacilitator
  const next = linksFor(tokens, keep, board)
  return { ok: true, token: fresh, next }
}

/** Hashes and sealed copies from the tokens known (hashes of unknown ones are taken from `board`). */
function linksFor(tokens: KnownTokens, keep: SealedTokens, board?: BoardLinks): BoardLinks {
  const hash = (role: Role, old: Uint8Array | undefined) => {
    const token = tokens[role]
    return token === undefined ? old : hashToken(token)
  }
  const sealed: SealedTokens = { ...keep }
  const { facilitate, edit, view } = tokens
  if (view && edit) sealed.viewForEdit = seal(view, edit)
  if (view && facilitate) sealed.viewForFacilitator = seal(view, facilitate)
  if (edit && facilitate) sealed.editForFacilitator = seal(edit, facilitate)
  const editTokenHash = hash('edit', board?.editTokenHash)
  const viewTokenHash = hash('view', board?.viewTokenHash)
  if (!editTokenHash || !viewTokenHash) throw new Error('a board always has an edit and a view token')
  return {
    editTokenHash,
    viewTokenHash,
    facilitatorTokenHash: hash('facilitate', board?.facilitatorTokenHash),
    sealed,
  }
}

function pick(known: KnownTokens, roles: readonly Role[]): KnownTokens {
  const picked: KnownTokens = {}
  for (const role of roles) if (known[role]) picked[role] = known[role]
  return picked
}

/** The page a token opens: `/b/<id>#token=<token>` (the fragment never reaches a server log). */
export const boardUrl = (boardId: string, token: string) => `/b/${boardId}#token=${token}`
