import { describe, expect, it } from 'vitest'
import { DEFAULT_PDF_OPTIONS, parsePdfQuery, pdfQuery } from './pdfOptions'

const parse = (q: string) => parsePdfQuery(new URLSearchParams(q))

describe('PDF export options from a query string', () => {
  it('means the one poster page when there are no parameters', () => {
    expect(parse('')).toEqual({ ok: true, options: DEFAULT_PDF_OPTIONS })
  })

  it('reads every option, page sizes in any case', () => {
    expect(parse('page=a4&layout=stages&orientation=portrait&cover=1&insights=true&lang=el')).toEqual({
      ok: true,
      options: {
        page: 'A4',
        layout: 'stages',
        orientation: 'portrait',
        cover: true,
        insights: true,
        language: 'el',
      },
    })
  })

  it.each([
    ['page=A5', /^page: must be one of poster, A4, A3, Letter, Tabloid \(got "A5"\)$/],
    ['layout=grid', /^layout: /],
    ['orientation=sideways', /^orientation: /],
    ['cover=yes', /^cover: must be 1 or 0/],
    ['insights=2', /^insights: /],
    ['lang=not a tag', /^lang: /],
    ['pages=A4', /^pages: unknown parameter/],
    ['page=A4&page=A3', /^page: given more than once/],
  ])('names the bad parameter in %s', (query, error) => {
    const result = parse(query)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(error)
  })

  it('writes the query the parser reads back, leaving defaults out', () => {
    const options = {
      ...DEFAULT_PDF_OPTIONS,
      page: 'Tabloid' as const,
      layout: 'stages' as const,
      cover: true,
    }
    expect(pdfQuery(options)).toBe('page=Tabloid&layout=stages&cover=1')
    expect(parse(pdfQuery(options))).toEqual({ ok: true, options })
    expect(pdfQuery(DEFAULT_PDF_OPTIONS)).toBe('')
  })
})
