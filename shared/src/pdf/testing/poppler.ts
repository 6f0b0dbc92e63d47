/** Test support: reads a PDF back with poppler's command-line tools (pdftotext, pdfinfo, pdftoppm). */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function withFile<T>(bytes: Uint8Array, run: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'jb-pdf-'))
  try {
    const path = join(dir, 'board.pdf')
    writeFileSync(path, bytes)
    return run(path, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const pdfText = (bytes: Uint8Array): string =>
  withFile(bytes, (path) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }))

export interface PdfInfo {
  pages: number
  title: string
  widthPt: number
  heightPt: number
}

export function pdfInfo(bytes: Uint8Array): PdfInfo {
  const out = withFile(bytes, (path) =>
    execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' }),
  )
  const field = (name: string) => out.match(new RegExp(`^${name}:\\s*(.*)$`, 'm'))?.[1] ?? ''
  const size = field('Page size').match(/([\d.]+) x ([\d.]+) pts/)
  return {
    pages: Number(field('Pages')),
    title: field('Title'),
    widthPt: Number(size?.[1]),
    heightPt: Number(size?.[2]),
  }
}

/** The first page as a PNG at `dpi`; `outFile` keeps a copy to look at. */
export function pdfPagePng(bytes: Uint8Array, dpi: number, outFile?: string): Buffer {
  return withFile(bytes, (path, dir) => {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path,
      join(dir, 'page'),
    ])
    const png = readFileSync(join(dir, 'page.png'))
    if (outFile) writeFileSync(outFile, png)
    return png
  })
}
