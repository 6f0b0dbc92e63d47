/*
 * The one table every section feeds: each row is a figure of ours beside its references from the same
 * run, the ratio ours/reference for each, and whether the target is met. Sections build rows
 * with `row()`; `formatTable` prints them for the terminal, `formatMarkdown` for docs; the same rows go
 * into the JSON. Ratios are always ours ÷ reference: for times and bytes lower is better, for rows
 * marked "higher is better" (frames per second, connections held) higher is.
 */
export interface ReferenceFigure {
  name: string
  value: number | string | null
  /** What the table shows, when it says more than the number (e.g. "58 fps, p95 17 ms"). */
  display?: string
  ratio: number | null
}

export interface ReportRow {
  section: 'sync' | 'render' | 'other' | 'durability' | 'correctness'
  /** What is measured, e.g. "p99 write→observer latency". */
  figure: string
  /** Load or scene, e.g. "50×20" or "10,000 notes". */
  context: string
  unit: string
  ours: number | string | null
  oursDisplay?: string
  references: ReferenceFigure[]
  higherIsBetter: boolean
  target: string
  /** null: no target for this row, or it could not be judged. */
  met: boolean | null
}

export interface RowInit {
  section: ReportRow['section']
  figure: string
  context: string
  unit: string
  ours: number | string | null
  oursDisplay?: string
  references?: { name: string; value: number | string | null; display?: string }[]
  higherIsBetter?: boolean
  target?: string
  /** Judges the row from our number and the first reference's number (null if it has none). */
  judge?: (ours: number, reference: number | null) => boolean
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

export function row(init: RowInit): ReportRow {
  const references = (init.references ?? []).map((ref) => ({
    ...ref,
    ratio:
      isNumber(init.ours) && isNumber(ref.value) && ref.value !== 0
        ? Number((init.ours / ref.value).toFixed(2))
        : null,
  }))
  const first = references[0]?.value
  let met: boolean | null = null
  if (init.judge && isNumber(init.ours)) met = init.judge(init.ours, isNumber(first) ? first : null)
  return {
    section: init.section,
    figure: init.figure,
    context: init.context,
    unit: init.unit,
    ours: init.ours,
    ...(init.oursDisplay ? { oursDisplay: init.oursDisplay } : {}),
    references,
    higherIsBetter: init.higherIsBetter ?? false,
    target: init.target ?? '',
    met,
  }
}

/** Judges "ours ≤ factor × reference"; not met without a reference figure. */
export const atMostReference =
  (factor = 1) =>
  (ours: number, reference: number | null): boolean =>
    reference !== null && ours <= reference * factor

export function formatValue(value: number | string | null, unit: string): string {
  if (value === null) return '–'
  if (typeof value === 'string') return value
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
  return unit ? `${text} ${unit}` : text
}

const metText = (met: boolean | null): string => (met === null ? '' : met ? 'yes' : 'NO')

const header = ['section', 'figure', 'context', 'ours', 'reference(s)', 'ours/ref', 'target', 'met']

function tableCells(rows: readonly ReportRow[]): string[][] {
  return rows.map((r) => [
    r.section,
    r.higherIsBetter ? `${r.figure} ↑` : r.figure,
    r.context,
    r.oursDisplay ?? formatValue(r.ours, r.unit),
    r.references.map((ref) => `${ref.display ?? formatValue(ref.value, r.unit)} (${ref.name})`).join('; ') ||
      '–',
    r.references
      .map((ref) => (ref.ratio === null ? '' : `${ref.ratio.toFixed(2)}×`))
      .filter(Boolean)
      .join('; '),
    r.target,
    metText(r.met),
  ])
}

/** A plain-text table for the terminal. */
export function formatTable(rows: readonly ReportRow[]): string {
  const body = tableCells(rows)
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)))
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' │ ')
  return [
    line(header),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...body.map(line),
    '↑ higher is better (frames per second, connections); everywhere else lower is better. Ratios are ours ÷ reference.',
  ].join('\n')
}

/** The same table as Markdown, for docs/performance.md. */
export function formatMarkdown(rows: readonly ReportRow[]): string {
  const escapePipes = (cell: string) => cell.replaceAll('|', '\\|')
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...tableCells(rows).map((cells) => `| ${cells.map(escapePipes).join(' | ')} |`),
  ].join('\n')
}
