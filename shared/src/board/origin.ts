/** Where a transaction came from, so observers (undo, persistence) can tell a local edit from a load or a migration. */
export type BoardOrigin = 'local' | 'load' | 'migration' | 'template'
