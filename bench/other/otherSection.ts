import type { RunOptions, SectionResult } from '../infra/section'

export async function runOtherSection(
  _options: RunOptions,
  _log: (line: string) => void,
): Promise<SectionResult> {
  return { data: {}, rows: [], notes: ['other: not written yet'] }
}
