/**
 * The one table every section feeds: each row is a figure of ours beside its reference from the same
 * run, the ratio ours/reference, and whether the target is met. Sections build rows with
 * `row()`; `formatTable` prints them; the same rows go into the JSON.
 */
export interface ReportRow {
  section: 'sync' | 'render' | 'other'
  /** What is measured, e.g. "p99 write→observer latency". */
  figure: string
  /** Load or scene, e.g. "50×20" or "10,000 notes, fit". */
  context: string
  unit: string
  ours: number | string | null
  /** The reference's figure, or a note why there is none. */
  reference: number | string | null
  referenceName: string | null
  /** ours / reference, when both are numbers. */
  ratio: number | null
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
  reference?: number | string | null
  referenceName?: string | null
  target?: string
  /** Judges the row; gets ours and the reference when both are numbers. */
  judge?: (ours: number, reference: number | null) => boolean
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

export function row(init: RowInit): ReportRow {
  const reference = init.reference ?? null
  const ratio =
    isNumber(init.ours) && isNumber(reference) && reference !== 0
      ? Number((init.ours / reference).toFixed(2))
      : null
  let met: boolean | null = null
  if (init.judge && isNumber(init.ours)) met = init.judge(init.ours, isNumber(reference) ? reference : null)
  return {
    section: init.section,
    figure: init.figure,
    context: init.context,
    unit: init.unit,
    ours: init.ours,
    reference,
    referenceName: init.referenceName ?? null,
    ratio,
    target: init.target ?? '',
    met,
  }
}

/** Judges "ours ≤ factor × reference"; unjudgeable (false) without a reference figure. */
export const atMostReference =
  (factor = 1) =>
  (ours: number, reference: number | null): boolean =>
    reference !== null && ours <= reference * factor

const formatValue = (value: number | string | null, unit: string): string => {
  if (value === null) return '–'
  if (typeof value === 'string') return value
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
  return unit ? `${text} ${unit}` : text
}

const metText = (met: boolean | null): string => (met === null ? '' : met ? 'yes' : 'NO')

export function tableCells(rows: readonly ReportRow[]): string[][] {
  return rows.map((r) => [
    r.section,
    r.figure,
    r.context,
    formatValue(r.ours, r.unit),
    r.referenceName
      ? `${formatValue(r.reference, r.unit)} (${r.referenceName})`
      : formatValue(r.reference, r.unit),
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
    r.target,
    metText(r.met),
  ])
}

const header = ['section', 'figure', 'context', 'ours', 'reference', 'ours/ref', 'target', 'met']

/** A plain-text table for the terminal. */
export function formatTable(rows: readonly ReportRow[]): string {
  const body = tableCells(rows)
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)))
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' │ ')
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n')
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
