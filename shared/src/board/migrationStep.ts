import type * as Y from 'yjs'

/**
 * One step of the board's migrations. A record module (records/*.ts) holds the steps that change its
 * records; migrations.ts puts every module's steps in version order and runs them.
 */
export interface MigrationStep {
  /** The version a document has after this step (several steps may make up one version). */
  to: number
  name: string
  /** Idempotent: two peers, or a peer and the server, may run it on the same document at once. */
  up: (doc: Y.Doc) => void
}
