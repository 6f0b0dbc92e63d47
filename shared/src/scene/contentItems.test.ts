import { describe, expect, it } from 'vitest'
import { buildScene } from './buildScene'
import { connectorPoints, midpointOf } from './connectorItems'
import { connectorAt, endBox } from './contentItems'
import { DIVERGENCE_TEXT } from './lanes/emotionCurve'
import { richBoard, richContent } from './testing/richBoard'

describe('the scene of a rich board', () => {
  const rich = richBoard()
  const board = richContent(rich)
  const scene = buildScene(board)
  const texts = scene.items.flatMap((i) =>
    i.kind === 'text' ? [i.text] : i.kind === 'badge' ? [i.text] : [],
  )

  it('draws every content lane: chips with their icons, metric values, text blocks, curves and the visibility line', () => {
    expect(texts).toEqual(expect.arrayContaining(['Ads', 'Word of mouth', 'Web', 'Sales call']))
    expect(texts).toEqual(expect.arrayContaining(['12 %', '34 %', '8.5 %', '61 %']))
    expect(texts).toEqual(expect.arrayContaining(['Understand what the product does']))
    expect(scene.items.some((i) => i.kind === 'icon' && i.name === 'megaphone')).toBe(true)
    const visibility = rich.lanes.visibility
    expect(scene.items.some((i) => i.kind === 'path' && i.record === visibility && i.stroke?.dash)).toBe(true)
  })

  it('draws one curve per persona with its figure text, the legend, and flags where they diverge', () => {
    const [ana, ben] = board.personas.filter((p) => p.name === 'Ana' || p.name === 'Ben')
    expect(ana && ben).toBeTruthy()
    const alts = new Set(scene.items.flatMap((i) => (i.figure ? [i.figure] : [])))
    expect([...alts].some((a) => a.startsWith('Emotion curve, Ana: Awareness +1, Consideration 0'))).toBe(
      true,
    )
    expect([...alts].some((a) => a.includes('Ben') && a.includes('Onboarding no score'))).toBe(true)
    expect(texts.filter((t) => t === DIVERGENCE_TEXT)).toHaveLength(1)
    expect(texts).toEqual(expect.arrayContaining(['Ana', 'Ben']))
  })

  it('marks each note kind and draws the connectors over the notes, labelled', () => {
    expect(texts).toEqual(expect.arrayContaining(['Pain', 'Idea', 'Question', 'Quote', 'leads to']))
    const arrows = scene.items.filter((i) => i.kind === 'arrow')
    expect(arrows).toHaveLength(2)
    const lastNote = scene.items.findLastIndex((i) => i.layer === 'notes')
    expect(scene.items.findIndex((i) => i.layer === 'connectors')).toBeGreaterThan(lastNote)
  })
})

describe('connectorAt', () => {
  const board = richContent(richBoard())
  const scene = buildScene(board)
  const c = board.connectors[0]!
  const from = endBox(scene.layout, c.from)!
  const to = endBox(scene.layout, c.to)!
  const points = connectorPoints(from, to, c.route)

  it('finds an arrow from a point on its line, within the slop, and nothing farther away', () => {
    const mid = midpointOf(points)
    expect(connectorAt(board.connectors, scene.layout, mid, 4)).toBe(c.id)
    expect(connectorAt(board.connectors, scene.layout, { x: mid.x + 3, y: mid.y + 3 }, 6)).toBe(c.id)
    const far = { x: scene.layout.bounds.w + 500, y: scene.layout.bounds.h + 500 }
    expect(connectorAt(board.connectors, scene.layout, far, 6)).toBeNull()
  })
})
