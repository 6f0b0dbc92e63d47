import type * as Y from 'yjs'
import type { Access, Role } from './access'
import type { BoardDocument, DocumentKind } from './documents'
import { type TouchedRecords, touchedRecords } from './touchedRecords'

// Who may read and write each kind of document, and the hook that may refuse one update after seeing
// which records it touches: the one place where roles (and, with issue 16, locks) are enforced. A
// connection's rights are decided once, when it joins (`grantWrite`); the protocol drops every write of
// a connection that may not write and tells it with a y-protocols permission-denied message, and the
// room asks the policy's `judgeUpdate` (when it has one) before it applies an update: a refused update
// is not applied, stored or relayed, and the client is told the same way. Awareness (presence) is not a
// document write; who may change which presence entry is awarenessPolicy.ts.
//
//   document          read                         write
//   content           facilitate, edit, view       facilitate, edit
//   facilitation      facilitate, edit, view       facilitate
//   private/<id>      participant <id> only        participant <id>, with a role that writes content
//
// A view link is read-only in every document. The policies are passed into the server (app.ts), so a
// test or a later issue can add a rule without touching the sync core.

export type Decision = { ok: true } | { ok: false; reason: string }

export interface UpdateToJudge {
  /** What the update creates, changes or deletes (touchedRecords.ts). */
  touched: TouchedRecords
  access: Access
  document: BoardDocument
  /** The document as it is before the update; read it, never write to it. */
  doc: Y.Doc
  /** The update's bytes, for a policy that must see the document as it would be after (a dots budget). */
  raw: Uint8Array | undefined
  /** The board the document belongs to (undefined where a caller judges without one: unit tests). */
  boardId: string | undefined
}

export interface DocumentPolicy {
  read(access: Access, document: BoardDocument): Decision
  write(access: Access, document: BoardDocument): Decision
  /**
   * Judges each update from a connection that may write, after decoding which records it touches;
   * a string refuses it, and is what the client is told. Optional: updates of a document whose policy
   * has none are never decoded for it, so the common path pays nothing.
   */
  judgeUpdate?: (update: UpdateToJudge) => string | undefined
}

export type DocumentPolicies = Readonly<Record<DocumentKind, DocumentPolicy>>

export const viewOnlyReason = 'read-only: this is a view link'
export const facilitatorsOnlyReason = 'read-only: only facilitators write this document'
export const notYoursReason = 'a private document is open only to its participant'

const ok: Decision = { ok: true }
const refuse = (reason: string): Decision => ({ ok: false, reason })

const contentWriters: ReadonlySet<Role> = new Set<Role>(['facilitate', 'edit'])

const isOwner = (access: Access, document: BoardDocument) =>
  access.participant !== undefined && access.participant.id === document.owner

export const documentPolicies: DocumentPolicies = {
  content: {
    read: () => ok,
    write: (access) => (contentWriters.has(access.role) ? ok : refuse(viewOnlyReason)),
  },
  facilitation: {
    read: () => ok,
    write: (access) => (access.role === 'facilitate' ? ok : refuse(facilitatorsOnlyReason)),
  },
  private: {
    read: (access, document) => (isOwner(access, document) ? ok : refuse(notYoursReason)),
    write: (access, document) => {
      if (!isOwner(access, document)) return refuse(notYoursReason)
      return contentWriters.has(access.role) ? ok : refuse(viewOnlyReason)
    },
  },
}

/** Judges one update before it is applied: a refusal's reason, or undefined to apply it. */
export type JudgeUpdate = (
  update: Uint8Array | ReturnType<typeof Y.decodeUpdate>,
  doc: Y.Doc,
  raw?: Uint8Array,
) => string | undefined

/** What one connection may write, decided when it joins. */
export type WriteGrant =
  | { allowed: true; judge: JudgeUpdate | undefined }
  | { allowed: false; reason: string }

export function grantWrite(
  policies: DocumentPolicies,
  access: Access,
  document: BoardDocument,
  boardId?: string,
): WriteGrant {
  const policy = policies[document.kind]
  const decision = policy.write(access, document)
  if (!decision.ok) return { allowed: false, reason: decision.reason }
  const { judgeUpdate } = policy
  if (!judgeUpdate) return { allowed: true, judge: undefined }
  return {
    allowed: true,
    judge: (update, doc, raw) =>
      judgeUpdate({ touched: touchedRecords(update, doc), access, document, doc, raw, boardId }),
  }
}
