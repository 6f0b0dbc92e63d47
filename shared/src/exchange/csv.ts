/*
 * The CSV of a board's notes (docs/export.md, "CSV"): one row per note, stage by stage and lane by
 * lane in board order, reading order within a cell; RFC 4180 (CRLF, fields quoted when they hold a
 * comma, quote or line break, quotes doubled) and UTF-8 with a byte-order mark, so that spreadsheets
 * open accents right. Columns:
 *
 *   stage, lane, kind, text, tags, severity, votes, author, created, updated, color
 *
 * tags, severity, votes, author and updated are empty until the board's records hold them (the
 * anatomy and facilitation issues); they are read from the JSON export by name, so they fill in as
 * those fields arrive. Importing (planCsvImport → applyCsvImport) adds each row as a note in the named
 * stage and lane, matched by title (trimmed, case-insensitive), creating those that are missing.
 */

export const CSV_COLUMNS = [
  'stage',
  'lane',
  'kind',
  'text',
  'tags',
  'severity',
  'votes',
  'author',
  'created',
  'updated',
  'color',
] as const

const BOM = '\uFEFF'

/** One field as RFC 4180 writes it. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** Rows as an RFC 4180 document with a UTF-8 byte-order mark and CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${BOM}${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`
}

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; error: string }

/** RFC 4180, leniently: CRLF or LF line ends, a BOM skipped, blank lines dropped. */
export function parseCsv(text: string): CsvParse {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let openedAt = 1
  const input = text.startsWith(BOM) ? text.slice(1) : text
  const endRow = () => {
    row.push(field)
    if (row.length > 1 || row[0] !== '') rows.push(row)
    row = []
    field = ''
  }
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n') line++
        field += c
      }
      continue
    }
    if (c === '"') {
      if (field !== '') return { ok: false, error: `line ${line}: a quote inside an unquoted field` }
      quoted = true
      openedAt = line
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++
      endRow()
      line++
    } else field += c
  }
  if (quoted) return { ok: false, error: `line ${openedAt}: a quoted field is not closed` }
  if (field !== '' || row.length > 0) endRow()
  return { ok: true, rows }
}
