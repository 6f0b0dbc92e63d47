import { describe, expect, it } from 'vitest'
import { diffText, transformIndex } from './textDiff'

describe('diffText', () => {
  it('returns null for equal texts', () => {
    expect(diffText('abc', 'abc')).toBeNull()
  })
  it('turns typing a character into one insert', () => {
    expect(diffText('Sees an ad', 'Sees an Xad')).toEqual({ index: 8, deleteCount: 0, insert: 'X' })
  })
  it('turns a backspace into one delete', () => {
    expect(diffText('hello', 'helo')).toEqual({ index: 3, deleteCount: 1, insert: '' })
  })
  it('replaces a selection with a delete and an insert', () => {
    expect(diffText('one two three', 'one 2 three')).toEqual({ index: 4, deleteCount: 3, insert: '2' })
  })
  it('handles repeated characters without overlapping prefix and suffix', () => {
    expect(diffText('aaa', 'aaaa')).toEqual({ index: 3, deleteCount: 0, insert: 'a' })
  })
  it('never splits an emoji', () => {
    const splice = diffText('a😀', 'a😃')
    expect(splice).toEqual({ index: 1, deleteCount: 2, insert: '😃' })
  })
})

describe('transformIndex', () => {
  it('moves the caret right for text inserted before it', () => {
    expect(transformIndex(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8)
  })
  it('leaves the caret for text inserted after it', () => {
    expect(transformIndex(1, [{ retain: 2 }, { insert: 'abc' }])).toBe(1)
  })
  it('moves the caret left for text deleted before it', () => {
    expect(transformIndex(5, [{ delete: 2 }])).toBe(3)
  })
  it('puts the caret at the start of a deletion that spans it', () => {
    expect(transformIndex(5, [{ retain: 3 }, { delete: 4 }])).toBe(3)
  })
})
