/*
 * The lines a fixed box shows of a text, by the rules the canvas's Konva Text follows (wrap "word" or
 * "none", with ellipsis): hard breaks first; a paragraph too wide is cut at the longest prefix that
 * fits, moved back to its last space or dash; the line after which another would overflow the box is
 * the last one shown, and ends in "…" when text was left out. The canvas and the PDF both call it, each
 * with its own measure (canvas measureText, the embedded font's advances), so a note breaks the same
 * way on screen and on paper wherever the two fonts agree.
 */

/** Width of a run of text, in the same unit as the box. */
export type MeasureText = (text: string) => number

export interface TextBox {
  width: number
  /** Infinity for a box that grows with its text (the Unsorted row's one-word title). */
  height: number
  lineHeightPx: number
  /** "none" keeps one line per paragraph, cut with an ellipsis (stage headers). */
  wrap?: 'word' | 'none'
  ellipsis?: boolean
}

const ELLIPSIS = '…'
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const graphemesOf = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment)
const isBreak = (g: string | undefined): boolean => g === ' ' || g === '-'

export function wrapText(text: string, box: TextBox, measure: MeasureText): string[] {
  const { width: maxWidth, height: maxHeight, lineHeightPx: lh } = box
  const wrapAtWord = (box.wrap ?? 'word') === 'word'
  const ellipsis = box.ellipsis ?? true
  const fixedHeight = Number.isFinite(maxHeight)
  const paragraphs = text.split('\n')
  const out: string[] = []
  let height = 0
  const ellipsisWidth = ellipsis ? measure(ELLIPSIS) : 0
  const full = () => fixedHeight && height + lh > maxHeight

  const addEllipsis = () => {
    const last = out.at(-1)
    if (last === undefined || !ellipsis) return
    const graphemes = graphemesOf(last)
    let withEllipsis = last + ELLIPSIS
    while (graphemes.length > 0 && measure(withEllipsis) > maxWidth) {
      graphemes.pop()
      withEllipsis = graphemes.join('') + ELLIPSIS
    }
    out[out.length - 1] = measure(withEllipsis) > maxWidth ? '' : withEllipsis
  }

  for (let i = 0; i < paragraphs.length; i++) {
    const line = paragraphs[i] ?? ''
    const lineWidth = measure(line)
    if (lineWidth > maxWidth) {
      const g = graphemesOf(line)
      const length = g.length
      let start = 0
      const slice = (end: number) => g.slice(start, end).join('')
      // Graphemes per line, estimated from the average width, so each probe measures about one line.
      const perLine = Math.max(1, Math.ceil((length * maxWidth) / lineWidth))
      while (start < length) {
        const reserve = ellipsis && full() ? ellipsisWidth : 0
        const fits = (end: number) => measure(slice(end)) + reserve <= maxWidth
        let low = start
        let high = Math.min(length, start + perLine)
        while (fits(high)) {
          low = high
          if (high === length) break
          high = Math.min(length, high + (high - start))
        }
        while (high - low > 1) {
          const mid = (low + high) >>> 1
          if (fits(mid)) low = mid
          else high = mid
        }
        if (low === start) break // not even one grapheme fits
        if (low === length) {
          out.push(slice(length))
          height += lh
          if (full() && i < paragraphs.length - 1) addEllipsis()
          break
        }
        if (wrapAtWord && !isBreak(g[low])) {
          let wrapIndex = low - 1
          while (wrapIndex >= start && !isBreak(g[wrapIndex])) wrapIndex--
          if (wrapIndex >= start) low = wrapIndex + 1
        }
        out.push(slice(low).trimEnd())
        height += lh
        if (!wrapAtWord || full()) {
          addEllipsis()
          break
        }
        start = low
        while (start < length && (g[start] ?? '').trim() === '') start++
      }
    } else {
      out.push(line)
      height += lh
      if (full() && i < paragraphs.length - 1) addEllipsis()
    }
    if (full()) break
  }
  return out
}
