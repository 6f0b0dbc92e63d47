/*
 * Pinned persona cards as scene items: beside the grid, where a persona was pinned (pinX/pinY), a card
 * with the persona's color strip, an avatar (initials; a photo stays in the panel), name, role and the
 * first of their goals. Drawn on the canvas and in the PDF alike; the scene grows to hold them.
 */
import type { Persona } from '../board/schema'
import type { Rect } from '../layout/geometry'
import type { SceneItem, TextItem } from './items'
import { PERSONA_INK } from './palette'

export const PERSONA_CARD = { w: 260, h: 150 } as const

/** The letters in a persona's avatar: its own initials, else the first letters of its name. */
export function personaInitials(persona: Pick<Persona, 'name' | 'initials'>): string {
  const own = persona.initials?.trim()
  if (own) return own.slice(0, 3).toUpperCase()
  const words = persona.name.trim().split(/\s+/).filter(Boolean)
  return (
    words.length > 1 ? `${words[0]?.[0] ?? ''}${words.at(-1)?.[0] ?? ''}` : (words[0] ?? '?').slice(0, 2)
  ).toUpperCase()
}

const text = (
  init: Pick<TextItem, 'x' | 'y' | 'w' | 'h' | 'text' | 'color' | 'fontSize' | 'fontWeight'> &
    Partial<TextItem>,
): TextItem => ({
  kind: 'text',
  layer: 'content',
  lineHeight: 1.25,
  letterSpacing: 0,
  align: 'left',
  verticalAlign: 'top',
  wrap: 'word',
  ellipsis: true,
  ...init,
})

/** Where each pinned persona's card is, in legend order. */
export function pinnedCards(personas: readonly Persona[]): { persona: Persona; box: Rect }[] {
  return personas.flatMap((persona) =>
    persona.pinned && persona.pinX !== undefined && persona.pinY !== undefined
      ? [{ persona, box: { x: persona.pinX, y: persona.pinY, ...PERSONA_CARD } }]
      : [],
  )
}

export function personaCardItems(persona: Persona, box: Rect): SceneItem[] {
  const ink = PERSONA_INK[persona.color] ?? PERSONA_INK.indigo
  const goals = persona.goals.trim().split('\n')[0] ?? ''
  return [
    {
      kind: 'rect',
      layer: 'content',
      ...box,
      fill: '#ffffff',
      stroke: { color: '#d9dde5', width: 1 },
      radius: 12,
      shadow: { color: '#1f2a44', opacity: 0.1, offsetX: 0, offsetY: 3, blur: 0 },
    },
    { kind: 'rect', layer: 'content', x: box.x, y: box.y, w: 8, h: box.h, fill: ink, radius: [12, 0, 0, 12] },
    { kind: 'rect', layer: 'content', x: box.x + 22, y: box.y + 18, w: 44, h: 44, radius: 22, fill: ink },
    text({
      x: box.x + 22,
      y: box.y + 18,
      w: 44,
      h: 44,
      text: personaInitials(persona),
      color: '#ffffff',
      fontSize: 17,
      fontWeight: 700,
      align: 'center',
      verticalAlign: 'middle',
      wrap: 'none',
      ellipsis: false,
    }),
    text({
      x: box.x + 78,
      y: box.y + 20,
      w: box.w - 92,
      h: 22,
      text: persona.name,
      color: '#1f2a44',
      fontSize: 17,
      fontWeight: 700,
      wrap: 'none',
    }),
    text({
      x: box.x + 78,
      y: box.y + 44,
      w: box.w - 92,
      h: 20,
      text: persona.role ?? '',
      color: '#5b6475',
      fontSize: 14,
      fontWeight: 400,
      wrap: 'none',
    }),
    ...(goals
      ? [
          text({
            x: box.x + 22,
            y: box.y + 78,
            w: box.w - 40,
            h: box.h - 92,
            text: `Goal: ${goals}`,
            color: '#1f2a44',
            fontSize: 14,
            fontWeight: 400,
          }),
        ]
      : []),
  ]
}
