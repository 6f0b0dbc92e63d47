/*
 * Commands over the board's personas, from the personas panel: add, edit (name, role, initials,
 * color, photo, pin), type into goals/needs/frustrations, reorder and remove. The default persona is
 * never removed (shared refuses too; here the command is simply unavailable).
 */
import { DEFAULT_PERSONA_ID, type PersonaId } from '../../../shared/src/board/ids'
import {
  addPersona,
  getPersonaText,
  movePersona,
  PERSONA_TEXT_KEYS,
  photoProblem,
  readPersonas,
  removePersona,
  updatePersona,
} from '../../../shared/src/board/schema'
import { keyBetween } from '../../../shared/src/order'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { applyTextChange } from './applyTextChange'
import type { Command, CommandArgs, CommandContext } from './registry'

/** Board units between the grid's right edge and a pinned card, and between stacked cards. */
export const PIN_GAP = 40
export const PIN_STEP = 240

const exists = (ctx: CommandContext, id: PersonaId | undefined): id is PersonaId =>
  id !== undefined && readPersonas(ctx.doc).some((p) => p.id === id)

/**
 * The order key that moves `id` one place up or down, or null at an end (or when its neighbours'
 * keys tie, as two concurrent adds can leave them: there is no key between equal keys).
 */
export function stepOrder(ctx: CommandContext, id: PersonaId, step: -1 | 1): string | null {
  const list = readPersonas(ctx.doc)
  const at = list.findIndex((p) => p.id === id)
  if (at < 0) return null
  const to = at + step
  if (to < 0 || to >= list.length) return null
  // Moving up lands between the persona two above and the one above; down, between the next two.
  const before = step < 0 ? (list[to - 1]?.order ?? null) : (list[to]?.order ?? null)
  const after = step < 0 ? (list[to]?.order ?? null) : (list[to + 1]?.order ?? null)
  try {
    return keyBetween(before, after)
  } catch {
    return null
  }
}

/** Where a newly pinned card goes: beside the grid, below the cards pinned before it. */
function pinPlace(ctx: CommandContext, id: PersonaId): { pinX: number; pinY: number } {
  const pinnedBefore = readPersonas(ctx.doc).filter((p) => p.pinned && p.id !== id).length
  return { pinX: Math.round(ctx.getLayout().width + PIN_GAP), pinY: PIN_GAP + pinnedBefore * PIN_STEP }
}

const hasPatch = (args?: CommandArgs): boolean =>
  args?.personaPatch !== undefined && Object.keys(args.personaPatch).length > 0

export const PERSONA_COMMANDS: readonly Command[] = [
  {
    id: 'persona.add',
    label: 'Add a persona',
    edits: true,
    run: (ctx, args) => {
      addPersona(ctx.doc, { name: args?.title?.trim() || 'New persona' }, LOCAL_ORIGIN)
    },
  },
  {
    id: 'persona.update',
    label: 'Change a persona',
    edits: true,
    // A photo that cannot be stored is refused before it is run (the panel says why).
    enabled: (ctx, args) =>
      exists(ctx, args?.persona) &&
      hasPatch(args) &&
      !(typeof args?.personaPatch?.photo === 'string' && photoProblem(args.personaPatch.photo)),
    run: (ctx, args) => {
      if (args?.persona && args.personaPatch)
        updatePersona(ctx.doc, args.persona, args.personaPatch, LOCAL_ORIGIN)
    },
  },
  {
    id: 'persona.pin',
    label: 'Pin or unpin a persona’s card on the board',
    edits: true,
    enabled: (ctx, args) => exists(ctx, args?.persona) && args?.on !== undefined,
    run: (ctx, args) => {
      const id = args?.persona
      if (!id || args?.on === undefined) return
      const patch = args.on ? { pinned: true, ...pinPlace(ctx, id) } : { pinned: false }
      updatePersona(ctx.doc, id, patch, LOCAL_ORIGIN)
    },
  },
  {
    id: 'persona.setText',
    label: 'Type into a persona’s goals, needs or frustrations',
    edits: true,
    enabled: (ctx, args) =>
      exists(ctx, args?.persona) &&
      args?.text !== undefined &&
      args.personaText !== undefined &&
      PERSONA_TEXT_KEYS.includes(args.personaText),
    run: (ctx, args) => {
      if (!args?.persona || !args.personaText || args.text === undefined) return
      const text = getPersonaText(ctx.doc, args.persona, args.personaText)
      if (text) applyTextChange(text, args.text, LOCAL_ORIGIN)
    },
  },
  {
    id: 'persona.move',
    label: 'Move a persona up or down the list',
    edits: true,
    enabled: (ctx, args) =>
      exists(ctx, args?.persona) &&
      args?.step !== undefined &&
      stepOrder(ctx, args.persona, args.step) !== null,
    run: (ctx, args) => {
      if (!args?.persona || !args.step) return
      const order = stepOrder(ctx, args.persona, args.step)
      if (order) movePersona(ctx.doc, args.persona, order, LOCAL_ORIGIN)
    },
  },
  {
    id: 'persona.remove',
    label: 'Remove a persona and its emotion scores',
    edits: true,
    enabled: (ctx, args) =>
      exists(ctx, args?.persona) && args?.persona !== DEFAULT_PERSONA_ID && readPersonas(ctx.doc).length > 1,
    run: (ctx, args) => {
      if (args?.persona) removePersona(ctx.doc, args.persona, LOCAL_ORIGIN)
    },
  },
]
