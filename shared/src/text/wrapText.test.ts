import { describe, expect, it } from 'vitest'
import { wrapText } from './wrapText'

// A monospace measure: every grapheme is 10 units wide, so expected breaks can be counted by hand.
const mono = (text: string) => [...new Intl.Segmenter().segment(text)].length * 10
const box = (width: number, lines: number) => ({ width, height: lines * 20, lineHeightPx: 20 })

describe('wrapText', () => {
  it('keeps a text that fits as it is', () => {
    expect(wrapText('Sign up', box(100, 3), mono)).toEqual(['Sign up'])
  })

  it('breaks at the last space or dash that fits, dropping the space', () => {
    expect(wrapText('Compare plans online', box(100, 3), mono)).toEqual(['Compare', 'plans', 'online'])
    expect(wrapText('self-serve onboarding', box(90, 4), mono)).toEqual(['self-', 'serve', 'onboardin', 'g'])
  })

  it('cuts a word longer than the line where it must', () => {
    expect(wrapText('Supercalifragilistic', box(100, 3), mono)).toEqual(['Supercalif', 'ragilistic'])
  })

  it('keeps hard line breaks', () => {
    expect(wrapText('a\nb\n\nc', box(100, 5), mono)).toEqual(['a', 'b', '', 'c'])
  })

  it('stops at the box height and ends the last line in an ellipsis that fits', () => {
    const lines = wrapText('one two three four five six seven eight', box(100, 2), mono)
    // As on the canvas: the ellipsis replaces what no longer fits, even mid-word.
    expect(lines).toEqual(['one two', 'three fou…'])
    expect(wrapText('aaaaaaaaaaaaaaaaaaaaaaaaa', box(100, 1), mono)).toEqual(['aaaaaaaaa…'])
    expect(wrapText('a\nb\nc', box(100, 2), mono)).toEqual(['a', 'b…'])
  })

  it('keeps one line per paragraph with wrap "none" (stage headers)', () => {
    expect(wrapText('CUSTOMER ONBOARDING', { ...box(100, 1), wrap: 'none' }, mono)).toEqual(['CUSTOMER …'])
  })

  it('grows without limit when the height is Infinity', () => {
    const lines = wrapText('x '.repeat(500), { width: 100, height: Infinity, lineHeightPx: 20 }, mono)
    expect(lines).toHaveLength(100)
    expect(lines.every((l) => mono(l) <= 100)).toBe(true)
  })

  it('measures graphemes, so accents and combining marks are never split', () => {
    const lines = wrapText('e\u0301e\u0301e\u0301e\u0301', box(20, 3), mono)
    expect(lines).toEqual(['e\u0301e\u0301', 'e\u0301e\u0301'])
  })

  it('wraps a 5,000-character text in about the work of the lines shown', () => {
    let calls = 0
    const counting = (t: string) => {
      calls++
      return mono(t)
    }
    expect(wrapText('word '.repeat(1_000), box(136, 4), counting)).toHaveLength(4)
    expect(calls).toBeLessThan(200)
  })
})
