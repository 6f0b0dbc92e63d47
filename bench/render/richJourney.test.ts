import { describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/src/board/schema'
import { applyTemplate } from '../../shared/src/templates/applyTemplate'
import { RICH_JOURNEY, richJourneyDoc } from './richJourney'

const lifecycle = (doc: import('yjs').Doc) =>
  applyTemplate(doc, 'customer-lifecycle', { title: 'Rich bench' })

describe('the render benchmark’s rich board', () => {
  it('has the shape it is asked for: notes of every kind with tags, curves, chips, metrics, connectors', () => {
    const shape = { ...RICH_JOURNEY, notes: 600, connectors: 60 }
    const { doc, notes } = richJourneyDoc(lifecycle, shape)
    const board = readBoard(doc)
    expect(notes).toHaveLength(600)
    expect(board.notes).toHaveLength(600)
    expect(new Set(board.notes.map((n) => n.kind ?? 'plain'))).toEqual(
      new Set(['plain', 'pain', 'idea', 'question', 'quote']),
    )
    expect(board.notes.filter((n) => n.tags.length > 0).length).toBeGreaterThan(300)
    expect(board.notes.filter((n) => n.kind === 'pain').every((n) => n.severity !== undefined)).toBe(true)
    expect(board.personas).toHaveLength(6)
    expect(board.scores).toHaveLength(6 * board.stages.length)
    const channels = board.lanes.filter((l) => l.kind === 'channels')
    expect(channels).toHaveLength(4)
    expect(board.chips).toHaveLength(4 * 3 * board.stages.length)
    expect(board.lanes.filter((l) => l.kind === 'metrics')).toHaveLength(2)
    expect(board.metricValues).toHaveLength(2 * board.stages.length)
    // readBoard keeps only connectors whose both ends exist.
    expect(board.connectors).toHaveLength(60)
  })

  it('is the same board on every run with the same seed', () => {
    const shape = { ...RICH_JOURNEY, notes: 200, connectors: 20 }
    // Sorted: notes with equal order keys in different cells read in the order of their random ids.
    const texts = () =>
      readBoard(richJourneyDoc(lifecycle, shape, 7).doc)
        .notes.map((n) => JSON.stringify([n.text, n.kind, n.tags]))
        .sort()
    expect(texts()).toEqual(texts())
  })
})
