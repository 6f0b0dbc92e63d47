import type { PreparedAnchors } from '../render/prepareAnchors'
import type { ReportRow } from '../report'

/** What every section hands back: its raw figures (for the JSON), its table rows, and honest notes. */
export interface SectionResult<T = unknown> {
  data: T
  rows: ReportRow[]
  notes: string[]
}

export interface RunOptions {
  quick: boolean
  /** Render anchors being installed since the start of the run (see run.ts); the render section awaits them. */
  anchors?: Promise<PreparedAnchors>
}
