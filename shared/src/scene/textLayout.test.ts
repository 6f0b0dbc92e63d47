import { describe, expect, it } from 'vitest'
import type { TextItem } from './items'
import { layoutText, lineLeft } from './textLayout'

// Every character 10 units wide: widths are easy to reason about.
const measure = (text: string) => [...text].length * 10

const item = (init: Partial<TextItem>): TextItem => ({
  kind: 'text',
  layer: 'grid',
  x: 100,
  y: 50,
  w: 100,
  h: 60,
  text: 'aaaa bbbb cccc dddd',
  color: '#000000',
  fontSize: 10,
  fontWeight: 400,
  lineHeight: 2,
  letterSpacing: 0,
  align: 'left',
  verticalAlign: 'top',
  wrap: 'word',
  ellipsis: true,
  ...init,
})

describe('layoutText', () => {
  it('breaks at words and stops at the box’s height, ending the cut text in "…"', () => {
    const layout = layoutText(item({ text: 'aaaa bbbb cccc dddd eeee ffff gggg' }), measure)
    expect(layout.lines).toEqual(['aaaa bbbb', 'cccc dddd', 'eeee ffff…'])
    expect(layout.lineHeightPx).toBe(20)
    expect(layout.top).toBe(50)
  })

  it('centres the block of lines in the box’s height when asked', () => {
    const layout = layoutText(item({ text: 'one', verticalAlign: 'middle' }), measure)
    expect(layout.lines).toEqual(['one'])
    expect(layout.top).toBe(50 + (60 - 20) / 2)
  })

  it('lays out the text the painter draws, when it differs from the item’s', () => {
    expect(layoutText(item({}), measure, 'x�y').lines).toEqual(['x�y'])
  })
})

describe('lineLeft', () => {
  it('aligns a line left, centre or right in the box', () => {
    expect(lineLeft(item({}), 40)).toBe(100)
    expect(lineLeft(item({ align: 'center' }), 40)).toBe(130)
    expect(lineLeft(item({ align: 'right' }), 40)).toBe(160)
  })
})
