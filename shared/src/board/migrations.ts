/**
 * The board document's named versions and the steps between them, in the spirit of tldraw's
 * migration sequences. `schemaVersion` lives in `meta`. Each `up` runs in one transaction with origin
 * 'migration' and must be idempotent: two peers (or a peer and the server) may migrate the same
 * document at once, and Yjs keeps both of their writes.
 *
 * Adding a version: append a step here, bump SCHEMA_VERSION in schema.ts, and add its test to
 * migrations.test.ts (the suite fails if a step has none).
 */
import type * as Y from 'yjs'
import { getMeta, readSchemaVersion, SCHEMA_VERSION } from './schema'

export interface MigrationStep {
  /** The version a document has after this step. */
  to: number
  name: string
  up: (doc: Y.Doc) => void
}

export const MIGRATIONS: readonly MigrationStep[] = [
  {
    to: 1,
    name: 'StampSchemaVersion',
    // Documents from before versioning have no schemaVersion; their layout is version 1's.
    up: (doc) => {
      const meta = getMeta(doc)
      if (typeof meta.get('createdAt') !== 'number') meta.set('createdAt', Date.now())
      meta.set('schemaVersion', 1)
    },
  },
]

export type MigrationResult =
  | { ok: true; from: number; to: number }
  | { ok: false; from: number; reason: 'newer-than-this-build' | 'step-failed'; message: string }

function checkSequence(steps: readonly MigrationStep[]): void {
  steps.forEach((step, index) => {
    if (step.to !== index + 1)
      throw new Error(`migration ${step.name}: expected version ${index + 1} but got ${step.to}`)
  })
  if ((steps.at(-1)?.to ?? 0) !== SCHEMA_VERSION) {
    throw new Error(`migrations end at ${steps.at(-1)?.to} but SCHEMA_VERSION is ${SCHEMA_VERSION}`)
  }
}
checkSequence(MIGRATIONS)

/** Brings a document up to SCHEMA_VERSION. A newer document is left untouched (readers tolerate it). */
export function migrateBoard(doc: Y.Doc, steps: readonly MigrationStep[] = MIGRATIONS): MigrationResult {
  const from = readSchemaVersion(doc)
  const target = steps.at(-1)?.to ?? 0
  if (from > target) {
    return {
      ok: false,
      from,
      reason: 'newer-than-this-build',
      message: `board has schema ${from}, this build knows ${target}`,
    }
  }
  for (const step of steps) {
    if (step.to <= readSchemaVersion(doc)) continue
    try {
      doc.transact(() => step.up(doc), 'migration')
    } catch (error) {
      return {
        ok: false,
        from,
        reason: 'step-failed',
        message: `migration ${step.name} failed: ${String(error)}`,
      }
    }
  }
  return { ok: true, from, to: readSchemaVersion(doc) }
}
