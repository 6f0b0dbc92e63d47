import type Database from 'better-sqlite3'

// Adds the columns of issue 16/20's links to a boards table from before them: the facilitator token's
// hash and the sealed copies of the tokens a stronger link is handed (permissions/links.ts). Every new
// column is nullable, so an old row stays as it was: no facilitator (its edit link manages the links,
// see links.ts) and nothing to hand out until its first rotation. Idempotent, in one transaction.

export const linkColumns = [
  'facilitator_token_hash',
  'view_sealed_for_edit',
  'view_sealed_for_facilitator',
  'edit_sealed_for_facilitator',
] as const

export function migrateBoardLinks(db: Database.Database): void {
  const columns = new Set(
    db
      .prepare<[], { name: string }>('PRAGMA table_info(boards)')
      .all()
      .map((c) => c.name),
  )
  const missing = linkColumns.filter((name) => !columns.has(name))
  if (missing.length === 0) return
  db.transaction(() => {
    for (const name of missing) db.exec(`ALTER TABLE boards ADD COLUMN ${name} BLOB`)
  })()
}
