import type { RunOptions, SectionResult } from '../infra/section'

export async function runRenderSection(
  _options: RunOptions,
  _log: (line: string) => void,
): Promise<SectionResult> {
  return { data: {}, rows: [], notes: ['render: not written yet'] }
}
