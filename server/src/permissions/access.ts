// Who a connection or request is, once authenticated: the role its token grants on the board, and the
// participant it proved to be, if any. Fixed for the life of a connection, as in hocuspocus.

/**
 * What a token lets its holder do on a board. 'facilitate' is issue 16's facilitator: the policy table
 * (documentPolicies.ts) already knows it, but no token grants it yet.
 */
export type Role = 'facilitate' | 'edit' | 'view'

export const roles: readonly Role[] = ['facilitate', 'edit', 'view']

/** A person, stable across reconnects and reloads of one browser, that no one else can claim (participant.ts). */
export interface Participant {
  /** 22 base64url characters derived from the board id and the browser's secret. */
  id: string
}

export interface Access {
  role: Role
  participant: Participant | undefined
}
