/*
 * What a PDF export may be asked for, one set of options for the browser's dialog and the server's
 * query string (GET /api/boards/<id>/export.pdf?page=&layout=&orientation=&cover=1&insights=1&lang=).
 * No parameters mean what the export always meant: one poster page holding the whole map.
 */

export const PAGE_SIZES = ['poster', 'A4', 'A3', 'Letter', 'Tabloid'] as const
export type PageSize = (typeof PAGE_SIZES)[number]
export const PDF_LAYOUTS = ['fit', 'stages'] as const
export type PdfLayout = (typeof PDF_LAYOUTS)[number]
export type Orientation = 'landscape' | 'portrait'

export interface PdfExportOptions {
  page: PageSize
  /** 'fit': the whole map on each page; 'stages': stage groups split across pages, headers repeated. */
  layout: PdfLayout
  orientation: Orientation
  cover: boolean
  insights: boolean
  /** BCP 47 tag for the document's language (screen readers pick their voice by it). */
  language: string
}

export const DEFAULT_PDF_OPTIONS: PdfExportOptions = {
  page: 'poster',
  layout: 'fit',
  orientation: 'landscape',
  cover: false,
  insights: false,
  language: 'en',
}

/** Paper sizes in points, portrait (ISO 216 and ANSI). */
export const PAPER_PT: Record<Exclude<PageSize, 'poster'>, { w: number; h: number }> = {
  A4: { w: 595.28, h: 841.89 },
  A3: { w: 841.89, h: 1190.55 },
  Letter: { w: 612, h: 792 },
  Tabloid: { w: 792, h: 1224 },
}

export type ParsedPdfOptions = { ok: true; options: PdfExportOptions } | { ok: false; error: string }

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/
const KNOWN = new Set(['page', 'layout', 'orientation', 'cover', 'insights', 'lang'])

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T | string {
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase())
  return match ?? `${name}: must be one of ${allowed.join(', ')} (got "${value}")`
}

function flag(name: string, value: string): boolean | string {
  if (value === '1' || value === 'true') return true
  if (value === '0' || value === 'false') return false
  return `${name}: must be 1 or 0 (got "${value}")`
}

/** The options a query string asks for; the first bad or unknown parameter is named in the error. */
export function parsePdfQuery(query: URLSearchParams): ParsedPdfOptions {
  const options: PdfExportOptions = { ...DEFAULT_PDF_OPTIONS }
  for (const [name, value] of query) {
    if (!KNOWN.has(name))
      return { ok: false, error: `${name}: unknown parameter (known: ${[...KNOWN].join(', ')})` }
    if (query.getAll(name).length > 1) return { ok: false, error: `${name}: given more than once` }
    let result: string | boolean
    switch (name) {
      case 'page':
        result = oneOf(name, value, PAGE_SIZES)
        if ((PAGE_SIZES as readonly string[]).includes(result)) options.page = result as PageSize
        else return { ok: false, error: result }
        break
      case 'layout':
        result = oneOf(name, value, PDF_LAYOUTS)
        if ((PDF_LAYOUTS as readonly string[]).includes(result)) options.layout = result as PdfLayout
        else return { ok: false, error: result }
        break
      case 'orientation':
        result = oneOf(name, value, ['landscape', 'portrait'] as const)
        if (result === 'landscape' || result === 'portrait') options.orientation = result
        else return { ok: false, error: result }
        break
      case 'cover':
      case 'insights':
        result = flag(name, value)
        if (typeof result === 'string') return { ok: false, error: result }
        options[name] = result
        break
      case 'lang':
        if (!LANGUAGE.test(value))
          return { ok: false, error: `lang: not a language tag such as en or pt-BR (got "${value}")` }
        options.language = value
        break
    }
  }
  return { ok: true, options }
}

/** The query string for `options`, without the defaults (what the browser would ask the server for). */
export function pdfQuery(options: PdfExportOptions): string {
  const q = new URLSearchParams()
  if (options.page !== DEFAULT_PDF_OPTIONS.page) q.set('page', options.page)
  if (options.layout !== DEFAULT_PDF_OPTIONS.layout) q.set('layout', options.layout)
  if (options.orientation !== DEFAULT_PDF_OPTIONS.orientation) q.set('orientation', options.orientation)
  if (options.cover) q.set('cover', '1')
  if (options.insights) q.set('insights', '1')
  if (options.language !== DEFAULT_PDF_OPTIONS.language) q.set('lang', options.language)
  return q.toString()
}
