// Node only (server, tests, bench): the DejaVu Sans files from the installed npm package.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { PdfFontFiles } from './renderScenePdf'

const require = createRequire(import.meta.url)

export async function readPdfFontFiles(): Promise<PdfFontFiles> {
  const [regular, bold] = await Promise.all(
    ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
      readFile(require.resolve(`dejavu-fonts-ttf/ttf/${f}`)),
    ),
  )
  return { regular: new Uint8Array(regular as Buffer), bold: new Uint8Array(bold as Buffer) }
}
