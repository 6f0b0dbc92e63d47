import { readFileSync } from 'node:fs'
import { formatMarkdown, type ReportRow } from './report'

/**
 * Prints a results JSON's table as Markdown, for docs/performance.md:
 * `npx tsx bench/markdown.ts bench/results/latest.json`.
 */
const file = process.argv[2]
if (!file) {
  console.error('usage: tsx bench/markdown.ts <results.json>')
  process.exit(2)
}
const report = JSON.parse(readFileSync(file, 'utf8')) as { rows: ReportRow[]; notes: string[] }
console.log(formatMarkdown(report.rows))
if (report.notes.length > 0) console.log(`\n${report.notes.map((note) => `- ${note}`).join('\n')}`)
