/*
 * The poster page: one page that holds the whole map, as vector art, so it zooms. Board units become
 * points at 0.75 (one CSS pixel at 96 dpi), which prints a note's 16 px text at 12 pt; a board too big
 * for PDF's page limit is scaled down to fit it. The page is sized to the board; the title above and
 * the footer below keep their size whatever the scale. scene/paginate places the board on it ('fit').
 */
import type { PageFrame } from '../scene/paginate'

/** PDF viewers (Acrobat's implementation limit) refuse pages beyond 200 inches a side. */
export const MAX_PAGE_PT = 14_400
/** Points per board unit when the board fits: a CSS pixel at 96 dpi. */
export const NATURAL_SCALE = 0.75
/** A4 landscape: the smallest page, so an empty board still prints at a sensible size. */
export const MIN_PAGE_PT = { w: 842, h: 595 } as const
export const MARGIN_PT = 36
export const TITLE_BAND_PT = 44
export const FOOTER_BAND_PT = 28

export function posterFrame(boardW: number, boardH: number): PageFrame {
  const chromeW = 2 * MARGIN_PT
  const chromeH = 2 * MARGIN_PT + TITLE_BAND_PT + FOOTER_BAND_PT
  const fit = Math.min(
    (MAX_PAGE_PT - chromeW) / Math.max(1, boardW),
    (MAX_PAGE_PT - chromeH) / Math.max(1, boardH),
  )
  const scale = Math.min(NATURAL_SCALE, fit)
  const width = Math.max(MIN_PAGE_PT.w, boardW * scale + chromeW)
  const height = Math.max(MIN_PAGE_PT.h, boardH * scale + chromeH)
  const content = { x: MARGIN_PT, y: MARGIN_PT + TITLE_BAND_PT, w: width - chromeW, h: height - chromeH }
  return { width, height, content, mode: 'fit', maxScale: NATURAL_SCALE }
}

/** A sheet of paper (landscape or portrait) with the same margins, title band and footer as the poster. */
export function paperFrame(
  paper: { w: number; h: number },
  orientation: 'landscape' | 'portrait',
  mode: 'fit' | 'stages',
): PageFrame {
  const long = Math.max(paper.w, paper.h)
  const short = Math.min(paper.w, paper.h)
  const width = orientation === 'landscape' ? long : short
  const height = orientation === 'landscape' ? short : long
  const content = {
    x: MARGIN_PT,
    y: MARGIN_PT + TITLE_BAND_PT,
    w: width - 2 * MARGIN_PT,
    h: height - 2 * MARGIN_PT - TITLE_BAND_PT - FOOTER_BAND_PT,
  }
  return { width, height, content, mode, maxScale: NATURAL_SCALE }
}
