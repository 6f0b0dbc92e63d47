/*
 * The board document's named versions and the steps between them, in the spirit of tldraw's
 * migration sequences. `schemaVersion` lives in `meta`. Each record module holds the steps that change
 * its records (META_MIGRATIONS in records/meta.ts, …); MIGRATIONS puts them in version order. All the
 * steps of one version run in one transaction with origin 'migration', which also stamps the new
 * `schemaVersion`; each `up` must be idempotent: two peers (or a peer and the server) may migrate the
 * same document at once, and Yjs keeps both of their writes.
 *
 * Version 2, "ThoughtsLaneAndJourneyRecords": v1's `emotions` notes lanes become `thoughts` lanes
 * (same title, every note kept where it is; never turned into scores), and the default persona and
 * tags are made under fixed ids, so two peers migrating one v1 board at once write the same keys.
 *
 * Adding a version: add its step to the module of the record it changes, bump SCHEMA_VERSION in
 * schema.ts, and add its test to migrations.test.ts (the suite fails if a step has none).
 */
import type * as Y from 'yjs'
import type { MigrationStep } from './migrationStep'
import { LANE_MIGRATIONS } from './records/lane'
import { META_MIGRATIONS, readSchemaVersion } from './records/meta'
import { NOTE_MIGRATIONS } from './records/note'
import { PERSONA_MIGRATIONS } from './records/persona'
import { STAGE_MIGRATIONS } from './records/stage'
import { TAG_MIGRATIONS } from './records/tag'
import { getMeta } from './topLevel'
import { SCHEMA_VERSION } from './version'

export type { MigrationStep } from './migrationStep'

/** Every record's steps, by version; within a version, in the order of this list. */
export const MIGRATIONS: readonly MigrationStep[] = [
  ...META_MIGRATIONS,
  ...STAGE_MIGRATIONS,
  ...LANE_MIGRATIONS,
  ...NOTE_MIGRATIONS,
  ...PERSONA_MIGRATIONS,
  ...TAG_MIGRATIONS,
].sort((a, b) => a.to - b.to)

export type MigrationResult =
  | { ok: true; from: number; to: number }
  | { ok: false; from: number; reason: 'newer-than-this-build' | 'step-failed'; message: string }

/**
 * The steps of each version, from version 1 up: `versions[i]` holds the steps that produce version
 * i + 1. Throws (a bug, found when this module loads) on a gap, a step out of order or a name used twice.
 */
function byVersion(steps: readonly MigrationStep[]): MigrationStep[][] {
  const versions: MigrationStep[][] = []
  const names = new Set<string>()
  for (const step of steps) {
    if (names.has(step.name)) throw new Error(`migration ${step.name}: the name is used twice`)
    names.add(step.name)
    const last = versions.length
    if (last > 0 && step.to === last) versions[last - 1]?.push(step)
    else if (step.to === last + 1) versions.push([step])
    else {
      const expected = last === 0 ? '1' : `${last} or ${last + 1}`
      throw new Error(`migration ${step.name}: expected version ${expected} but got ${step.to}`)
    }
  }
  return versions
}

const VERSIONS = byVersion(MIGRATIONS)
if (VERSIONS.length !== SCHEMA_VERSION) {
  throw new Error(`migrations end at ${VERSIONS.length} but SCHEMA_VERSION is ${SCHEMA_VERSION}`)
}

/** Brings a document up to SCHEMA_VERSION. A newer document is left untouched (readers tolerate it). */
export function migrateBoard(doc: Y.Doc, steps: readonly MigrationStep[] = MIGRATIONS): MigrationResult {
  const versions = steps === MIGRATIONS ? VERSIONS : byVersion(steps)
  const from = readSchemaVersion(doc)
  const target = versions.length
  if (from > target) {
    return {
      ok: false,
      from,
      reason: 'newer-than-this-build',
      message: `board has schema ${from}, this build knows ${target}`,
    }
  }
  for (let version = from + 1; version <= target; version++) {
    let running = ''
    try {
      doc.transact(() => {
        for (const step of versions[version - 1] ?? []) {
          running = step.name
          step.up(doc)
        }
        getMeta(doc).set('schemaVersion', version)
      }, 'migration')
    } catch (error) {
      return {
        ok: false,
        from,
        reason: 'step-failed',
        message: `migration ${running} failed: ${String(error)}`,
      }
    }
  }
  return { ok: true, from, to: readSchemaVersion(doc) }
}
