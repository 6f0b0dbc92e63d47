// Test support: reads a PDF back with poppler's command-line tools (pdftotext, pdfinfo, pdftoppm).
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
  /** pdfinfo's "Tagged: yes". */
  tagged: boolean
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
    tagged: field('Tagged') === 'yes',
  }
}

/** The structure tree with each element's text, as pdfinfo -struct-text prints it. */
export const pdfStructText = (bytes: Uint8Array): string =>
  withFile(bytes, (path) =>
    execFileSync('pdfinfo', ['-enc', 'UTF-8', '-struct-text', path], { encoding: 'utf8' }),
  )

/** The first page rendered at `dpi` by pdftoppm, as a PNG file's bytes or a PPM one's. */
function firstPage(bytes: Uint8Array, dpi: number, format: 'png' | 'ppm'): Buffer {
  return withFile(bytes, (path, dir) => {
    const args = ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', path, join(dir, 'page')]
    execFileSync('pdftoppm', format === 'png' ? ['-png', ...args] : args)
    return readFileSync(join(dir, `page.${format}`))
  })
}

/** The first page as a PNG at `dpi`; `outFile` keeps a copy to look at. */
export function pdfPagePng(bytes: Uint8Array, dpi: number, outFile?: string): Buffer {
  const png = firstPage(bytes, dpi, 'png')
  if (outFile) writeFileSync(outFile, png)
  return png
}

export interface PagePixels {
  width: number
  height: number
  /** [r, g, b] at a pixel, 0–255. */
  at(x: number, y: number): [number, number, number]
}

/** The first page's pixels at `dpi` (pdftoppm's PPM output: a text header, then raw RGB). */
export function pdfPagePixels(bytes: Uint8Array, dpi: number): PagePixels {
  const ppm = firstPage(bytes, dpi, 'ppm')
  const header = ppm
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)
  if (!header) throw new Error('pdftoppm wrote no P6 image')
  const width = Number(header[1])
  const height = Number(header[2])
  const start = header[0].length
  return {
    width,
    height,
    at(x, y) {
      const o = start + (Math.round(y) * width + Math.round(x)) * 3
      return [ppm[o] ?? 0, ppm[o + 1] ?? 0, ppm[o + 2] ?? 0]
    },
  }
}
