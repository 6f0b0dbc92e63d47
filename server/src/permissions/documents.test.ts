import { describe, expect, it } from 'vitest'
import { documentFromPath, documentNamed, privateDocumentOf } from './documents'

const pid = 'PPPPPPPPPPPPPPPPPPPPPP'

describe('board documents', () => {
  it('reads the socket path after the board id: none is the content, which has no second spelling', () => {
    expect(documentFromPath(undefined)).toEqual({ name: 'content', kind: 'content' })
    expect(documentFromPath('content')).toBeUndefined()
    expect(documentFromPath('facilitation')).toEqual({ name: 'facilitation', kind: 'facilitation' })
    expect(documentFromPath(`private/${pid}`)).toEqual({
      name: `private/${pid}`,
      kind: 'private',
      owner: pid,
    })
  })

  it.each([
    'private',
    'private/',
    `private/${pid}/x`,
    'private/short',
    'Facilitation',
    'facilitation/',
    '../content',
  ])('names no document with %j', (rest) => {
    expect(documentFromPath(rest)).toBeUndefined()
  })

  it('turns stored names back into documents, the content included', () => {
    expect(documentNamed('content')).toEqual({ name: 'content', kind: 'content' })
    expect(documentNamed(privateDocumentOf(pid))).toEqual({
      name: `private/${pid}`,
      kind: 'private',
      owner: pid,
    })
  })
})
