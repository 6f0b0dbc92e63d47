import type { ReportRow } from '../report'

/** What every section hands back: its raw figures (for the JSON), its table rows, and honest notes. */
export interface SectionResult<T = unknown> {
  data: T
  rows: ReportRow[]
  notes: string[]
}

export interface RunOptions {
  quick: boolean
}
