import { describe, expect, it } from 'vitest'
import { pdfContentDisposition, pdfFileName } from './fileName'

describe('pdfFileName', () => {
  it('keeps a plain title, accents included', () => {
    expect(pdfFileName('Crème brûlée onboarding')).toBe('Crème brûlée onboarding.pdf')
  })

  it('drops what a file system refuses', () => {
    expect(pdfFileName('../../etc/passwd')).toBe('etc passwd.pdf')
    expect(pdfFileName('a:b*c?"d"<e>|f\u0000g\nh')).toBe('a b c d e f g h.pdf')
    expect(pdfFileName('   ')).toBe('Journeyboard.pdf')
  })

  it('caps a very long title', () => {
    expect(pdfFileName('x'.repeat(500)).length).toBeLessThanOrEqual(124)
  })
})

describe('pdfContentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name, with no quote or newline that could break the header', () => {
    const header = pdfContentDisposition('Ωmega "map"\r\nSet-Cookie: x')
    expect(header).toBe(
      `attachment; filename="_mega map Set-Cookie x.pdf"; filename*=UTF-8''%CE%A9mega%20map%20Set-Cookie%20x.pdf`,
    )
  })
})
