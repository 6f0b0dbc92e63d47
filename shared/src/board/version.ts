/**
 * The version of the document's layout this build writes; migrations.ts brings older boards up to
 * it. Its own module so that records (a template, the migration runner) can import it without
 * importing schema.ts, which imports them.
 */
export const SCHEMA_VERSION = 2
