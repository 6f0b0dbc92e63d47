import { isParticipantId } from './participant'

// A board has several Yjs documents, one per permission scope, each a room of its own with its own
// update log: the board's content (today's document, and the only one `/ws/<boardId>` means), the
// facilitation state (facilitators write, everyone reads; issue 16) and one private document per
// participant (only that participant reads or writes it). Who may do what with each is in
// documentPolicies.ts. Names are what the store keys rows by and what follows the board id on the
// socket path: `/ws/<boardId>/facilitation`, `/ws/<boardId>/private/<participantId>`. The stock
// y-websocket provider builds its URL as `serverUrl + '/' + roomName`, so a roomName of
// `<boardId>/facilitation` reaches the facilitation document with no client change.

export type DocumentKind = 'content' | 'facilitation' | 'private'

export type DocumentName = 'content' | 'facilitation' | `private/${string}`

export const contentDocument = 'content' satisfies DocumentName

export interface BoardDocument {
  name: DocumentName
  kind: DocumentKind
  /** The participant a private document belongs to. */
  owner?: string
}

/**
 * The document a socket path names after its board id: none (`/ws/<boardId>`) is the content; the
 * content has no second spelling, so a board's content is always one room. Undefined: no such document.
 */
export function documentFromPath(rest: string | undefined): BoardDocument | undefined {
  if (rest === undefined) return { name: contentDocument, kind: 'content' }
  return documentNamed(rest, { allowContent: false })
}

/** A stored document name back to its document (the store keeps names; see BoardStore.ts). */
export function documentNamed(
  name: string,
  { allowContent = true }: { allowContent?: boolean } = {},
): BoardDocument | undefined {
  if (name === contentDocument) return allowContent ? { name, kind: 'content' } : undefined
  if (name === 'facilitation') return { name, kind: 'facilitation' }
  const owner = /^private\/([^/]+)$/.exec(name)?.[1]
  if (owner !== undefined && isParticipantId(owner))
    return { name: `private/${owner}`, kind: 'private', owner }
  return undefined
}

export const privateDocumentOf = (participantId: string): DocumentName => `private/${participantId}`
